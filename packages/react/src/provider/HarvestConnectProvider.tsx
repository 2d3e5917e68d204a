import { createConnect as createConnectSdk } from '@harvest-connect/connect';
import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { createClient } from '../client/createClient';
import type { SessionTokenResult } from '../client/tokenSource';
import type { ConnectLike } from '../connect/connectTypes';
import type { Messages } from '../i18n/messages';
import { refreshAccountOnError } from '../queries/account';
import { HarvestConnectContext, type HarvestConnectContextValue, type Theme } from './context';
import { QueryClientContext } from './queryClientContext';

/** Props of `HarvestConnectProvider`. */
export interface HarvestConnectProviderProps {
  /** Base URL of your Harvest Connect server. */
  serverUrl: string;
  /** A fixed session token minted by your backend (`POST /v1/session-tokens`). */
  sessionToken?: string;
  /** Fetches a session token from your backend; called again before it expires and after a 401. */
  getSessionToken?: () => Promise<SessionTokenResult>;
  /** A `fetch` to call the server with (the global one by default); e.g. to add headers or run in tests. */
  fetch?: typeof fetch;
  /** Your app's QueryClient; the widgets create their own when omitted. */
  queryClient?: QueryClient;
  /** BCP 47 locale for numbers, money, dates and durations; the browser's by default. */
  locale?: string;
  /** Colour scheme of the widgets; `system` follows `prefers-color-scheme`. */
  theme?: Theme;
  /** Overrides of any default string (see `defaultMessages`). */
  messages?: Partial<Messages>;
  /** Render every widget without our styling (class names stay, for your own CSS). */
  unstyled?: boolean;
  /** A connect SDK store to use instead of `createConnect({ serverUrl })` (e.g. `createTestConnect()`). */
  connect?: ConnectLike;
  /** Creates the connect store on first use; defaults to the connect SDK's `createConnect`. */
  createConnect?: (options: { serverUrl: string }) => ConnectLike;
  children?: ReactNode;
}

/**
 * Gives every Harvest Connect hook and widget its server, session token, data cache, locale, theme and strings.
 *
 * @example
 * <HarvestConnectProvider serverUrl="https://connect.example.com" getSessionToken={fetchSessionToken} locale="en-GB">
 *   <TimerButton externalReference={{ id: task.id, groupId: project.id, permalink: task.url }} name={task.title} />
 * </HarvestConnectProvider>
 */
export function HarvestConnectProvider(props: HarvestConnectProviderProps) {
  const { serverUrl, sessionToken, locale, theme = 'system', messages, unstyled = false } = props;
  // The latest getter is read through a ref: an inline arrow must not rebuild the client on every render.
  const getterRef = useRef(props.getSessionToken);
  getterRef.current = props.getSessionToken;
  const hasGetter = Boolean(props.getSessionToken);
  const fetchRef = useRef(props.fetch);
  fetchRef.current = props.fetch;

  const [ownQueryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } }),
  );
  const queryClient = props.queryClient ?? ownQueryClient;
  const queryClientRef = useRef(queryClient);
  queryClientRef.current = queryClient;

  const client = useMemo(
    () =>
      createClient({
        serverUrl,
        sessionToken,
        getSessionToken: hasGetter ? () => getterRef.current!() : undefined,
        fetch: (input, init) => (fetchRef.current ?? globalThis.fetch)(input, init),
        // Every widget's calls pass here, queries and mutations, on the host's QueryClient too: a revoked grant
        // met by any of them updates ConnectionStatus without a reload.
        onError: (error, path) => refreshAccountOnError(queryClientRef.current, error, path),
      }),
    [serverUrl, sessionToken, hasGetter],
  );
  // What QueryClientProvider would do: subscribe the client to window focus and online events, so stale queries
  // (the running timer) refetch when the person comes back. Counted, so a host's mounted client is unaffected.
  useEffect(() => {
    queryClient.mount();
    return () => queryClient.unmount();
  }, [queryClient]);

  const connectRef = useRef<{ serverUrl: string; connect: ConnectLike } | null>(null);
  const optionsRef = useRef(props);
  optionsRef.current = props;

  const value = useMemo<HarvestConnectContextValue>(
    () => ({
      client,
      serverUrl,
      locale,
      theme,
      unstyled,
      messages: messages ?? {},
      getConnect: () => {
        const { connect, createConnect = createConnectSdk } = optionsRef.current;
        if (connect) return connect;
        // Created once per provider (and server) on first use; the SDK touches no window until open(), so this
        // is safe during SSR.
        if (connectRef.current?.serverUrl !== serverUrl) {
          connectRef.current = { serverUrl, connect: createConnect({ serverUrl }) };
        }
        return connectRef.current.connect;
      },
    }),
    [client, serverUrl, locale, theme, unstyled, messages],
  );

  return (
    <QueryClientContext.Provider value={queryClient}>
      <HarvestConnectContext.Provider value={value}>{props.children}</HarvestConnectContext.Provider>
    </QueryClientContext.Provider>
  );
}
