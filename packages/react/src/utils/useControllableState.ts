import { useCallback, useRef, useState } from 'react';

/**
 * One state for controlled and uncontrolled use: with `value` defined the parent owns it, otherwise it starts
 * at `defaultValue` and lives here; `onChange` is called either way (the latest one, via a ref).
 *
 * @example
 * const [selected, setSelected] = useControllableState({ value: props.value, defaultValue: [], onChange: props.onChange });
 */
export function useControllableState<T>(options: {
  value: T | undefined;
  defaultValue: T;
  onChange?: (value: T) => void;
}): [T, (next: T) => void] {
  const [inner, setInner] = useState(options.defaultValue);
  const controlled = options.value !== undefined;
  const value = controlled ? (options.value as T) : inner;
  const onChangeRef = useRef(options.onChange);
  onChangeRef.current = options.onChange;
  const controlledRef = useRef(controlled);
  controlledRef.current = controlled;

  const setValue = useCallback((next: T) => {
    if (!controlledRef.current) setInner(next);
    onChangeRef.current?.(next);
  }, []);
  return [value, setValue];
}
