import type { ConnectOutcome } from '@harvest-connect/protocol';

/**
 * Where the one flow of a `Connect` instance stands. `opening`: a window is open (or a redirect is being
 * prepared) while the link token and the connect session are fetched. `open`: the user is in the popup (or was
 * sent to the connect page). `finishing`: the popup reported back, or the page returned from a redirect, and the
 * SDK is confirming with the server. `done`: `outcome` was delivered.
 */
export type ConnectStatus = 'idle' | 'opening' | 'open' | 'finishing' | 'done';

/**
 * An immutable snapshot: a new object on every change and only then, as `useSyncExternalStore` expects.
 *
 * @example
 * if (connect.getSnapshot().status === 'done') render(connect.getSnapshot().outcome);
 */
export interface ConnectSnapshot {
  readonly status: ConnectStatus;
  readonly outcome?: ConnectOutcome;
  readonly sessionId?: string;
}

/** A tiny external store: `get`, `set` (replaces the snapshot and notifies) and `subscribe`. */
export interface Store<T> {
  get(): T;
  set(next: T): void;
  subscribe(listener: () => void): () => void;
}

/**
 * @example
 * const store = createStore<ConnectSnapshot>({ status: 'idle' });
 * const stop = store.subscribe(() => console.log(store.get().status));
 */
export function createStore<T>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      state = next;
      // A copy, so a listener that unsubscribes (or subscribes) while being notified does not skip another one.
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
