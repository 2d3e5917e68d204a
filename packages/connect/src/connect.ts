import type { ConnectEvent, ConnectOutcome } from '@harvest-connect/protocol';
import { browserEnv, type ConnectEnv } from './env';
import { errorOutcome } from './errors';
import { type Flow, startFlow } from './flow';
import type { ConnectOpenMode, FlowCallbacks, LinkTokenSource, OpenOptions } from './options';
import { clearResume, loadResume, withoutSessionParam } from './redirect';
import { type ConnectSnapshot, createStore } from './store';

/**
 * Options of `createConnect()`.
 *
 * @example
 * createConnect({ serverUrl: 'https://connect.example.com', mode: 'popup', onEvent: (e) => track(e.name) });
 */
export interface ConnectOptions {
  /** Base URL of the Harvest Connect server, e.g. `https://connect.example.com`. */
  serverUrl: string;
  /** Default mode of `open()`: `auto` (popup, falling back to a same-tab redirect), `popup` or `redirect`. */
  mode?: ConnectOpenMode;
  /** Default whole-flow timeout in milliseconds (10 minutes). */
  timeoutMs?: number;
  /** How long a popup that reads `closed` is given before the flow counts as cancelled (2 s). */
  closedGraceMs?: number;
  /** Analytics events of every flow of this instance. */
  onEvent?: (event: ConnectEvent) => void;
}

/**
 * A connect instance: one flow at a time, observable as a tiny store.
 *
 * @example
 * const snapshot = useSyncExternalStore(connect.subscribe, connect.getSnapshot, connect.getSnapshot);
 */
export interface Connect {
  /**
   * Starts a flow, or returns the running one (its window comes to the front). Call it synchronously in the
   * click handler. Resolves once, with the flow's outcome; never rejects.
   */
  open(options: OpenOptions): Promise<ConnectOutcome>;
  /** `open()` for an account whose Harvest grant was revoked; the link token must be created for that account. */
  reconnect(
    integratedAccountId: string,
    linkToken: LinkTokenSource,
    options?: Omit<OpenOptions, 'linkToken' | 'integratedAccountId'>,
  ): Promise<ConnectOutcome>;
  /**
   * On the page a redirect-mode flow returns to: finishes that flow (cleaning the URL) and resolves its outcome;
   * resolves `null` when there is nothing of this tab's to finish. Safe to call more than once.
   */
  handleRedirect(options?: FlowCallbacks): Promise<ConnectOutcome | null>;
  /** Ends the running flow (outcome `error` with `client.closed`): its window, listeners and timers are gone. */
  close(): void;
  subscribe(listener: () => void): () => void;
  getSnapshot(): ConnectSnapshot;
}

/**
 * Creates a connect instance. Safe during server-side rendering: nothing touches `window` until `open()`.
 * The second argument is internal: the window-like environment (tests pass a fake); by default the page's
 * `window`, read when a flow starts.
 *
 * @example
 * const connect = createConnect({ serverUrl: 'https://connect.example.com' });
 * button.addEventListener('click', async () => {
 *   const outcome = await connect.open({
 *     linkToken: () => fetch('/api/harvest/link-token', { method: 'POST' }).then((r) => r.json()).then((j) => j.link_token),
 *   });
 *   if (outcome.type === 'success') showAccount(outcome.result.harvest_account.name);
 * });
 */
export function createConnect(options: ConnectOptions, env?: ConnectEnv): Connect {
  const serverUrl = options.serverUrl.replace(/\/+$/, '');
  const origin = new URL(serverUrl).origin;
  const store = createStore<ConnectSnapshot>({ status: 'idle' });
  let flow: Flow | undefined;
  // The snapshot is the one source of truth: `done` is set before any callback runs, so a callback may start
  // the next flow right away.
  const running = (): boolean => !!flow && store.get().status !== 'done';

  const run = (
    e: ConnectEnv | undefined,
    linkToken: unknown,
    start: (e: ConnectEnv) => Flow,
  ): Promise<ConnectOutcome> => {
    // Server-side rendering, or a call without a link token: an outcome, never a throw inside a click handler.
    if (!e || !linkToken)
      return Promise.resolve(
        errorOutcome(null, {
          code: 'client.invalid_options',
          message: 'No window or linkToken',
        }),
      );
    flow = start(e);
    return flow.promise;
  };

  const contextFor = (e: ConnectEnv) => ({
    env: e,
    serverUrl,
    origin,
    mode: options.mode ?? 'auto',
    timeoutMs: options.timeoutMs ?? 600_000,
    closedGraceMs: options.closedGraceMs ?? 2000,
    emit: (event: ConnectEvent) => options.onEvent?.(event),
    set(next: ConnectSnapshot) {
      const prev = store.get();
      // The outcome only ever changes together with the status (to `done`).
      if (prev.status !== next.status || prev.sessionId !== next.sessionId) store.set(next);
    },
  });

  const connect: Connect = {
    open(openOptions) {
      if (flow && running()) {
        // Repeated clicks: one flow, one window.
        flow.focus();
        return flow.promise;
      }
      return run(env ?? browserEnv(), openOptions?.linkToken, (e) => startFlow(contextFor(e), openOptions));
    },
    reconnect(integratedAccountId, linkToken, rest) {
      return connect.open({ ...rest, linkToken, integratedAccountId });
    },
    async handleRedirect(callbacks = {}) {
      if (flow && running()) return flow.promise;
      const e = env ?? browserEnv();
      const resume = e && loadResume(e);
      if (!e || resume === undefined) return null;
      // Clean the URL first, so neither a reload nor a copied link resumes this flow a second time.
      e.history.replaceState(e.history.state, '', withoutSessionParam(e.location.href));
      if (!resume) {
        clearResume(e);
        return null;
      }
      return run(e, resume.link_token, () =>
        startFlow(contextFor(e), { ...callbacks, linkToken: resume.link_token }, resume),
      );
    },
    close() {
      flow?.close();
    },
    subscribe: store.subscribe,
    getSnapshot: store.get,
  };
  return connect;
}
