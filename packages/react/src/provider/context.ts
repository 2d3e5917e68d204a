import { createContext, useContext } from 'react';
import type { HarvestConnectClient } from '../client/createClient';
import type { ConnectLike } from '../connect/connectTypes';
import type { Messages } from '../i18n/messages';

/** Colour scheme of the widgets; `system` follows `prefers-color-scheme`. */
export type Theme = 'light' | 'dark' | 'system';

/** What `HarvestConnectProvider` gives every hook and widget. */
export interface HarvestConnectContextValue {
  client: HarvestConnectClient;
  serverUrl: string;
  locale: string | undefined;
  theme: Theme;
  unstyled: boolean;
  messages: Partial<Messages>;
  /** The connect SDK instance, created on the first `useConnect()`. */
  getConnect: () => ConnectLike;
}

/**
 * The provider's React context; read it with `useHarvestConnect()`.
 *
 * @example
 * const ctx = useContext(HarvestConnectContext); // null outside the provider
 */
export const HarvestConnectContext = createContext<HarvestConnectContextValue | null>(null);

/**
 * The provider's context; throws a clear error outside `HarvestConnectProvider`.
 *
 * @example
 * const { client, locale } = useHarvestConnect();
 */
export function useHarvestConnect(): HarvestConnectContextValue {
  const ctx = useContext(HarvestConnectContext);
  if (!ctx) {
    throw new Error('useHarvestConnect must be used within <HarvestConnectProvider>');
  }
  return ctx;
}
