import type { UnifiedUser } from '@harvest-connect/protocol';
import {
  defaultRangeExtractor,
  observeElementRect,
  type Range,
  type Rect,
  useVirtualizer,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { type ReactNode, useCallback, useEffect, useRef } from 'react';
import { useMessages } from '../i18n/useMessages';
import { useDebouncedValue } from '../utils/useDebouncedValue';
import { useRootProps } from '../utils/useRootProps';
import type { UserFilters } from './filterUsers';
import { UserPickerRow } from './UserPickerRow';
import { userPickerMessages } from './userPickerMessages';
import { useUserPicker } from './useUserPicker';

/** Props of `UserPickerView`: what `UserPicker` resolved (data, filters, selection) plus its rendering options. */
export interface UserPickerViewProps {
  items: readonly UnifiedUser[];
  multiple: boolean;
  value: string[] | undefined;
  defaultValue: string[];
  onChange: (ids: string[]) => void;
  filters: UserFilters;
  loading: boolean;
  error: Error | null;
  /** Base of the element ids. */
  id: string;
  /** The selected person for an id, even when the loaded list no longer holds them. */
  nameOf: (id: string) => Pick<UnifiedUser, 'id' | 'name'>;
  /** Called with the typed text once typing pauses (the server search). */
  onSearch: (q: string) => void;
  debounceMs: number;
  /** The filter row and the error block: elements made by `UserPicker`, so a keystroke does not rebuild them. */
  filtersSlot: ReactNode;
  errorSlot: ReactNode;
  label?: string;
  renderOption?: (user: UnifiedUser, state: { selected: boolean; highlighted: boolean }) => ReactNode;
  optionHeight: number;
  unstyled?: boolean;
  className?: string;
}

/**
 * The interactive part of `UserPicker`: the combobox, chips, virtualized list and live status. It holds the
 * keystroke state, so typing re-renders this component only (not the directory queries above it), and rows are
 * memoized so only the rows that changed render again.
 *
 * @example
 * <UserPickerView items={users} filters={{}} ... />
 */
export function UserPickerView(props: UserPickerViewProps) {
  const t = useMessages(userPickerMessages);
  const root = useRootProps('hc-user-picker', props.unstyled, props.className);
  const { multiple, optionHeight } = props;
  const picker = useUserPicker({
    items: props.items,
    multiple,
    filters: props.filters,
    value: props.value,
    defaultValue: props.defaultValue,
    onChange: props.onChange,
    id: props.id,
  });

  const { onSearch } = props;
  const query = useDebouncedValue(picker.state.inputValue, props.debounceMs);
  useEffect(() => onSearch(query), [query, onSearch]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const highlighted = picker.state.highlightedIndex;
  const virtualizer = useVirtualizer({
    count: picker.items.length,
    getScrollElement: useCallback(() => scrollRef.current, []),
    // Fixed-height rows: one estimate, never measured, so the layout is a multiplication per row.
    estimateSize: useCallback(() => optionHeight, [optionHeight]),
    // Rows beyond the seven in view cost a mount and a layout on every keystroke; four each side keep a fast
    // scroll from showing blank space.
    overscan: 4,
    // A hidden popup (or a DOM without layout) measures 0 px, which would render no row at all: assume eight
    // rows until the real size is known.
    observeElementRect: useCallback(
      (instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) =>
        observeElementRect(instance, (rect) =>
          cb(rect.height > 0 ? rect : { width: rect.width, height: optionHeight * 8 }),
        ),
      [optionHeight],
    ),
    // The highlighted option is always rendered, so aria-activedescendant never names a missing element.
    // A new extractor per highlight, because the virtualizer memoizes the rendered indexes on its identity.
    rangeExtractor: useCallback(
      (range: Range) => {
        const indexes = defaultRangeExtractor(range);
        if (highlighted >= 0 && highlighted < range.count && !indexes.includes(highlighted))
          indexes.push(highlighted);
        return indexes.sort((a, b) => a - b);
      },
      [highlighted],
    ),
  });
  const isOpen = picker.state.isOpen;
  useEffect(() => {
    if (!isOpen || highlighted < 0) return;
    // Scrolling makes the browser lay the page out at once: skip it when the row is already in view.
    const top = highlighted * optionHeight;
    const offset = virtualizer.scrollOffset ?? 0;
    const height = virtualizer.scrollRect?.height ?? 0;
    if (top >= offset && top + optionHeight <= offset + height) return;
    virtualizer.scrollToIndex(highlighted, { align: 'auto' });
  }, [highlighted, isOpen, optionHeight, virtualizer]);

  const status = props.error
    ? 'error'
    : props.loading
      ? 'loading'
      : picker.items.length === 0
        ? 'empty'
        : 'ready';
  const label = props.label ?? t.userPickerLabel;

  return (
    <div {...root} data-state={status} data-open={isOpen || undefined}>
      <label className="hc-user-picker__label" htmlFor={picker.inputId}>
        {label}
      </label>
      {props.filtersSlot}
      <div className="hc-user-picker__control">
        {picker.selectedIds.length > 0 ? (
          <ul className="hc-user-picker__chips" aria-label={t.userPickerSelected}>
            {picker.selectedIds.map(props.nameOf).map((user) => (
              <li key={user.id} className="hc-chip hc-user-picker__chip">
                <span className="hc-user-picker__chip-name">{user.name}</span>
                <button
                  className="hc-user-picker__chip-remove"
                  {...picker.getChipRemoveProps(user, t.userPickerRemove(user.name))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          className="hc-user-picker__input"
          placeholder={t.userPickerPlaceholder}
          {...picker.getInputProps()}
        />
      </div>
      <div className="hc-user-picker__popup" hidden={!isOpen}>
        <div ref={scrollRef} className="hc-user-picker__scroller">
          <ul
            className="hc-user-picker__listbox"
            aria-label={label}
            {...picker.getListboxProps()}
            style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
          >
            {virtualizer.getVirtualItems().map((row) => {
              const user = picker.items[row.index];
              if (!user) return null;
              return (
                <UserPickerRow
                  key={user.id}
                  user={user}
                  index={row.index}
                  id={picker.optionId(user)}
                  start={row.start}
                  height={optionHeight}
                  selected={picker.isSelected(user.id)}
                  highlighted={row.index === highlighted}
                  messages={t}
                  renderOption={props.renderOption}
                  onSelect={picker.select}
                  onHighlight={picker.highlight}
                />
              );
            })}
          </ul>
        </div>
        {status === 'loading' || status === 'empty' ? (
          <div className="hc-user-picker__message">
            {status === 'loading' ? t.userPickerLoading : t.userPickerEmpty}
          </div>
        ) : null}
      </div>
      {props.errorSlot}
      <div className="hc-visually-hidden" role="status" aria-live="polite">
        {isOpen && status !== 'error'
          ? status === 'loading'
            ? t.userPickerLoading
            : status === 'empty'
              ? t.userPickerEmpty
              : t.userPickerCount(picker.items.length)
          : ''}
      </div>
    </div>
  );
}
