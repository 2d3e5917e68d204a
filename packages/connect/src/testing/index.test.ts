import { createTestConnect, TEST_SUCCESS } from '@harvest-connect/connect/testing';
import type { ConnectEvent } from '@harvest-connect/protocol';
import { describe, expect, it, vi } from 'vitest';

describe('createTestConnect', () => {
  it('simulates success with callbacks, events and snapshots like the real SDK', async () => {
    const events: ConnectEvent[] = [];
    const connect = createTestConnect({ onEvent: (e) => events.push(e) });
    const onSuccess = vi.fn();
    const promise = connect.open({ linkToken: async () => 'hc_lt_x', onSuccess });
    expect(connect.getSnapshot()).toEqual({ status: 'open', sessionId: 'cs_test_1' });
    await Promise.resolve();
    expect(connect.linkTokens).toEqual(['hc_lt_x']);
    connect.simulate.event('account_selected');
    connect.simulate.success({ harvest_account: { id: 9, name: 'Acme' } });
    const outcome = await promise;
    expect(outcome).toEqual({
      type: 'success',
      session_id: 'cs_test_1',
      result: { ...TEST_SUCCESS, harvest_account: { id: 9, name: 'Acme' } },
    });
    expect(onSuccess).toHaveBeenCalledWith(outcome.type === 'success' && outcome.result, outcome);
    expect(events.map((e) => e.name)).toEqual(['open', 'window_opened', 'account_selected', 'success']);
    expect(connect.getSnapshot()).toMatchObject({ status: 'done', outcome });
  });

  it.each([
    ['cancel', { type: 'cancelled', session_id: 'cs_test_1' }],
    ['blocked', { type: 'blocked' }],
    ['timeout', { type: 'timeout', session_id: 'cs_test_1' }],
  ] as const)('simulates %s through onExit, once', async (name, expected) => {
    const connect = createTestConnect();
    const onExit = vi.fn();
    const promise = connect.open({ linkToken: 'hc_lt_x', onExit });
    connect.simulate[name]();
    await expect(promise).resolves.toEqual(expected);
    expect(onExit).toHaveBeenCalledTimes(1);
    expect(() => connect.simulate.cancel()).toThrow(/no flow is running/);
  });

  it('simulates an error with a protocol code', async () => {
    const connect = createTestConnect();
    const promise = connect.open({ linkToken: 'hc_lt_x' });
    connect.simulate.error('link_token.expired', 'Expired');
    await expect(promise).resolves.toEqual({
      type: 'error',
      session_id: 'cs_test_1',
      code: 'link_token.expired',
      message: 'Expired',
    });
  });

  it('behaves like the SDK for repeated opens, reconnect, close and a failing token', async () => {
    const connect = createTestConnect();
    const a = connect.open({ linkToken: 'hc_lt_x' });
    expect(connect.open({ linkToken: 'hc_lt_y' })).toBe(a);
    connect.close();
    await expect(a).resolves.toMatchObject({ type: 'error', code: 'client.closed' });
    const b = connect.reconnect('ia_1', 'hc_lt_z');
    expect(connect.opened.at(-1)).toMatchObject({ integratedAccountId: 'ia_1', linkToken: 'hc_lt_z' });
    connect.simulate.success();
    await b;
    const c = connect.open({ linkToken: () => Promise.reject(new Error('backend down')) });
    await expect(c).resolves.toMatchObject({ type: 'error', code: 'client.link_token_failed' });
    await expect(connect.handleRedirect()).resolves.toBeNull();
  });
});
