import type {
  ConnectClientErrorCode,
  ConnectEvent,
  ConnectEventName,
  ConnectOutcome,
  ConnectSuccess,
  ErrorCode,
} from '@harvest-connect/protocol';
import type { Connect, ConnectOptions } from '../connect';
import type { FlowCallbacks, OpenOptions } from '../options';
import { type ConnectSnapshot, createStore } from '../store';

/**
 * The account a simulated success links unless the test passes its own.
 *
 * @example
 * expect(await promise).toEqual({ type: 'success', session_id: 'cs_test_1', result: TEST_SUCCESS });
 */
export const TEST_SUCCESS: ConnectSuccess = {
  integrated_account_id: 'ia_test',
  harvest_account: { id: 1, name: 'Test Account' },
  harvest_user: { id: 1, name: 'Test User', email: 'test.user@example.com' },
  reconnected: false,
};

/**
 * Ends the running flow of a test double with the outcome a host app's test needs.
 *
 * @example
 * connect.simulate.error('link_token.expired');
 */
export interface Simulate {
  success(result?: Partial<ConnectSuccess>): void;
  cancel(): void;
  /** The popup could not open (only meaningful for `mode: 'popup'`; `auto` would redirect). */
  blocked(): void;
  timeout(): void;
  error(code?: ErrorCode | ConnectClientErrorCode, message?: string): void;
  /** A progress event such as `account_selected`. */
  event(name: ConnectEventName): void;
}

/**
 * The double: the public surface of `Connect`, plus `simulate` and a record of what the app asked for.
 *
 * @example
 * expect(connect.opened.at(-1)).toMatchObject({ integratedAccountId: 'ia_1' });
 */
export interface TestConnect extends Connect {
  simulate: Simulate;
  /** The options of every `open()`/`reconnect()` that started a flow, oldest first. */
  readonly opened: readonly OpenOptions[];
  /** The link token each started flow got (the double calls a token function, as the real SDK does). */
  readonly linkTokens: readonly string[];
}

/**
 * A stand-in for `createConnect()` in a host app's own tests: no window, no network, no timers. Every outcome is
 * delivered once through the same promise, callbacks, events and store snapshots as the real SDK.
 *
 * @example
 * const connect = createTestConnect();
 * render(<App connect={connect} />);
 * await user.click(screen.getByRole('button', { name: 'Connect Harvest' }));
 * connect.simulate.success({ harvest_account: { id: 9, name: 'Acme' } });
 * expect(await screen.findByText('Connected to Acme')).toBeVisible();
 */
export function createTestConnect(options: Partial<Pick<ConnectOptions, 'onEvent'>> = {}): TestConnect {
  const store = createStore<ConnectSnapshot>({ status: 'idle' });
  const opened: OpenOptions[] = [];
  const linkTokens: string[] = [];
  let flow: { options: FlowCallbacks; sessionId: string; promise: Promise<ConnectOutcome> } | undefined;
  let settle: ((outcome: ConnectOutcome) => void) | undefined;
  let count = 0;

  const running = () => !!flow && store.get().status !== 'done';
  const emit = (name: ConnectEventName, outcome?: ConnectOutcome['type']) => {
    const event: ConnectEvent = { name, session_id: flow?.sessionId ?? null, outcome };
    options.onEvent?.(event);
    flow?.options.onEvent?.(event);
  };
  const current = () => {
    if (!running()) throw new Error('createTestConnect: no flow is running; call open() first');
    return flow!;
  };
  const end = (outcome: ConnectOutcome) => {
    const { options: callbacks, sessionId } = current();
    store.set({ status: 'done', outcome, sessionId });
    settle?.(outcome);
    emit(outcome.type === 'success' ? 'success' : 'exit', outcome.type);
    if (outcome.type === 'success') callbacks.onSuccess?.(outcome.result, outcome);
    else callbacks.onExit?.(outcome);
  };

  const connect: TestConnect = {
    opened,
    linkTokens,
    open(openOptions) {
      if (running()) return flow!.promise;
      const sessionId = `cs_test_${++count}`;
      const promise = new Promise<ConnectOutcome>((resolve) => {
        settle = resolve;
      });
      flow = { options: openOptions, sessionId, promise };
      opened.push(openOptions);
      store.set({ status: 'open', sessionId });
      emit('open');
      emit('window_opened');
      const source = openOptions.linkToken;
      void Promise.resolve(typeof source === 'function' ? source() : source).then(
        (token) => linkTokens.push(token),
        () => {
          if (flow?.sessionId === sessionId && running())
            end({
              type: 'error',
              session_id: null,
              code: 'client.link_token_failed',
              message: 'No link token',
            });
        },
      );
      return promise;
    },
    reconnect(integratedAccountId, linkToken, rest) {
      return connect.open({ ...rest, linkToken, integratedAccountId });
    },
    async handleRedirect() {
      return running() ? flow!.promise : null;
    },
    close() {
      if (running())
        end({ type: 'error', session_id: flow!.sessionId, code: 'client.closed', message: 'Closed' });
    },
    subscribe: store.subscribe,
    getSnapshot: store.get,
    simulate: {
      success(result = {}) {
        const { sessionId } = current();
        end({ type: 'success', session_id: sessionId, result: { ...TEST_SUCCESS, ...result } });
      },
      cancel() {
        end({ type: 'cancelled', session_id: current().sessionId });
      },
      blocked() {
        current();
        end({ type: 'blocked' });
      },
      timeout() {
        end({ type: 'timeout', session_id: current().sessionId });
      },
      error(code = 'internal.error', message = `Simulated ${code}`) {
        end({ type: 'error', session_id: current().sessionId, code, message });
      },
      event(name) {
        current();
        emit(name);
      },
    },
  };
  return connect;
}
