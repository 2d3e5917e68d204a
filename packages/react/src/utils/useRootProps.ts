import { useHarvestConnect } from '../provider/context';

/**
 * Props of a widget's root element: its part class, `hc-styled` unless unstyled (every rule in styles.css
 * hangs off it), and `data-theme` for the colour scheme.
 *
 * @example
 * const root = useRootProps('hc-timer', props.unstyled, props.className);
 * return <div {...root} />;
 */
export function useRootProps(part: string, unstyled?: boolean, className?: string) {
  const ctx = useHarvestConnect();
  const plain = unstyled ?? ctx.unstyled;
  return {
    className: cx(part, !plain && 'hc-styled', className),
    'data-theme': ctx.theme,
  };
}

/**
 * Joins class names, skipping falsy ones.
 *
 * @example
 * cx('hc-chip', active && 'is-active'); // "hc-chip is-active"
 */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
