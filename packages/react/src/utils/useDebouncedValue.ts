import { useEffect, useState } from 'react';

/**
 * `value`, but only after it stopped changing for `delayMs`: server searches run once per pause, not per key.
 *
 * @example
 * const q = useDebouncedValue(inputValue, 250);
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    if (delayMs <= 0) {
      setDebounced(value);
      return;
    }
    const id = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(id);
  }, [value, delayMs]);
  return debounced;
}
