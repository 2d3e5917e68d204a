import type { ConnectOpenMode, FlowCallbacks } from '@harvest-connect/connect';
import type { ConnectOutcome } from '@harvest-connect/protocol';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useHarvestConnect } from '../provider/context';
import { useHarvestQueryClient } from '../provider/queryClientContext';
import { accountKeys } from '../queries/account';
import type { LinkTokenInput } from './connectTypes';

/** Options of `useConnect`: the flow's mode and callbacks (always the latest ones are called). */
export interface UseConnectOptions extends FlowCallbacks {
  /** `auto` (popup, else same-tab redirect), `popup` or `redirect`. */
  mode?: ConnectOpenMode;
}

const IDLE = { status: 'idle' } as const;

/**
 * The connect flow as a hook: its live status, and `open` / `reconnect` to call from a click handler (they open
 * the window synchronously). One SDK instance per provider, whatever the renders; callbacks are always the
 * latest ones passed; safe under StrictMode (the effect that resumes a redirect-mode flow may run twice).
 *
 * @example
 * const { open, status } = useConnect({ onSuccess: (r) => saveAccount(r.integrated_account_id) });
 * return <button onClick={() => open(fetchLinkToken)} disabled={status !== 'idle' && status !== 'done'}>Connect</button>;
 */
export function useConnect(options: UseConnectOptions = {}) {
  const { getConnect } = useHarvestConnect();
  const queryClient = useHarvestQueryClient();
  const connect = getConnect();
  const snapshot = useSyncExternalStore(connect.subscribe, connect.getSnapshot, () => IDLE);

  const latest = useRef(options);
  latest.current = options;
  // Stable proxies: the SDK keeps the callbacks of the flow it started, and they must reach the newest props.
  const callbacks = useMemo<FlowCallbacks>(
    () => ({
      onSuccess: (result, outcome) => {
        void queryClient.invalidateQueries({ queryKey: accountKeys.all });
        latest.current.onSuccess?.(result, outcome);
      },
      onExit: (outcome) => latest.current.onExit?.(outcome),
      onEvent: (event) => latest.current.onEvent?.(event),
    }),
    [queryClient],
  );

  useEffect(() => {
    void connect.handleRedirect(callbacks);
  }, [connect, callbacks]);

  const open = useCallback(
    (linkToken: LinkTokenInput): Promise<ConnectOutcome> =>
      connect.open({ linkToken, mode: latest.current.mode, ...callbacks }),
    [connect, callbacks],
  );
  const reconnect = useCallback(
    (integratedAccountId: string, linkToken: LinkTokenInput): Promise<ConnectOutcome> =>
      connect.reconnect(integratedAccountId, linkToken, { mode: latest.current.mode, ...callbacks }),
    [connect, callbacks],
  );
  const close = useCallback(() => connect.close(), [connect]);

  return {
    status: snapshot.status,
    outcome: snapshot.outcome,
    /** True while a flow runs (its window is open or the outcome is being confirmed). */
    busy: snapshot.status === 'opening' || snapshot.status === 'open' || snapshot.status === 'finishing',
    open,
    reconnect,
    close,
  };
}
