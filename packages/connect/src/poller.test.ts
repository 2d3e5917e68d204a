import type { ConnectSession } from '@harvest-connect/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPoller } from './poller';
import { createFakeEnv } from './test/fake-env';

const pending = { id: 'cs_1', status: 'pending' } as ConnectSession;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createPoller', () => {
  it('runs one request at a time: now() during a request does not start a second one', async () => {
    const env = createFakeEnv();
    let inFlight = 0;
    let most = 0;
    let release!: () => void;
    const fetchSession = vi.fn(async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise<void>((r) => (release = r));
      inFlight--;
      return pending;
    });
    const poller = createPoller(
      env,
      fetchSession,
      () => {},
      () => {},
    );
    poller.now();
    poller.now();
    poller.now();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchSession).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(env.activeTimers()).toBe(1); // exactly one next poll scheduled
    await vi.advanceTimersByTimeAsync(500);
    expect(fetchSession).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
    poller.stop();
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(env.activeTimers()).toBe(0);
  });

  it('passes null on transient failures and keeps going; reports a final failure once and stops', async () => {
    const env = createFakeEnv();
    const answers: unknown[] = [];
    const failures: unknown[] = [];
    const results: Array<() => Promise<ConnectSession>> = [
      () => Promise.reject({ code: 'client.network', message: 'x', transient: true }),
      () => Promise.reject({ code: 'connect_session.expired', message: 'gone' }),
    ];
    const poller = createPoller(
      env,
      () => results.shift()!(),
      (s) => answers.push(s),
      (f) => {
        failures.push(f);
        poller.stop();
      },
    );
    poller.now();
    await vi.advanceTimersByTimeAsync(0);
    expect(answers).toEqual([null]);
    await vi.advanceTimersByTimeAsync(500);
    expect(failures).toEqual([{ code: 'connect_session.expired', message: 'gone' }]);
    expect(answers).toEqual([null]);
    expect(env.activeTimers()).toBe(0);
  });

  it('resets the backoff on now()', async () => {
    const env = createFakeEnv();
    const fetchSession = vi.fn(async () => pending);
    const poller = createPoller(
      env,
      fetchSession,
      () => {},
      () => {},
    );
    poller.now();
    await vi.advanceTimersByTimeAsync(500 + 1000 + 2000); // the wait is now 2 s
    expect(fetchSession).toHaveBeenCalledTimes(4);
    poller.now();
    await vi.advanceTimersByTimeAsync(500);
    expect(fetchSession).toHaveBeenCalledTimes(6);
    poller.stop();
  });
});
