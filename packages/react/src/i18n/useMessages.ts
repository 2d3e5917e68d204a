import { useMemo } from 'react';
import { useHarvestConnect } from '../provider/context';

/**
 * The given default strings, each replaced by the provider's `messages` override where one is set.
 *
 * @example
 * const t = useMessages(timerMessages);
 * return <button>{t.start}</button>;
 */
export function useMessages<T extends object>(defaults: T): T {
  const { messages } = useHarvestConnect();
  return useMemo(() => {
    const merged = { ...defaults } as Record<string, unknown>;
    for (const key of Object.keys(defaults)) {
      const override = (messages as Record<string, unknown>)[key];
      if (override !== undefined) merged[key] = override;
    }
    return merged as T;
  }, [defaults, messages]);
}
