import type { ConnectSession } from '@harvest-connect/protocol';
import type { ConnectEnv } from './env';
import type { ConnectFailure } from './errors';

/** First and longest wait between two polls of the connect session. */
export const POLL_FIRST_MS = 500;
export const POLL_MAX_MS = 2000;

export interface Poller {
  /** Poll as soon as possible (a message arrived, the window closed); resets the backoff. */
  now(): void;
  /** Stops for good: no timer left, a response still in flight is dropped. */
  stop(): void;
}

/**
 * Polls the connect session with backoff (500 ms, growing to 2 s), one request at a time. `onSession` gets each
 * answer (or `null` after a transient failure, so the caller can still look at its window); `onFailure` gets a
 * failure that polling cannot fix (a 4xx such as `connect_session.expired`).
 *
 * @example
 * const poller = createPoller(env, () => getSession(env, url, token, id), settleIfDone, fail);
 * poller.now();
 */
export function createPoller(
  env: ConnectEnv,
  fetchSession: () => Promise<ConnectSession>,
  onSession: (session: ConnectSession | null) => void,
  onFailure: (failure: ConnectFailure) => void,
): Poller {
  let timer: number | undefined;
  let delay = POLL_FIRST_MS;
  let busy = false;
  let stopped = false;

  const run = async (): Promise<void> => {
    // One request at a time: while one is in flight, its answer comes first and the next poll follows after the
    // (just reset) shortest delay.
    if (busy) return;
    env.clearTimeout(timer);
    busy = true;
    let session: ConnectSession | null = null;
    try {
      session = await fetchSession();
    } catch (caught) {
      const f = caught as ConnectFailure;
      if (!stopped && !f.transient) onFailure(f);
    }
    busy = false;
    if (stopped) return;
    onSession(session);
    // `onSession` may have ended the flow, or started the next poll itself (`now()`), which schedules its own.
    if (stopped || busy) return;
    timer = env.setTimeout(run, delay);
    delay = Math.min(delay * 2, POLL_MAX_MS);
  };

  return {
    now() {
      delay = POLL_FIRST_MS;
      void run();
    },
    stop() {
      stopped = true;
      env.clearTimeout(timer);
    },
  };
}
