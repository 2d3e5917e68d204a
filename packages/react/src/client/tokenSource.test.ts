import { describe, expect, it, vi } from 'vitest';
import { createTokenSource } from './tokenSource';

describe('createTokenSource', () => {
  it('returns a fixed token and cannot renew it', async () => {
    const tokens = createTokenSource({ sessionToken: 'hc_st_a' });
    expect(await tokens.get()).toBe('hc_st_a');
    expect(tokens.renewable).toBe(false);
    tokens.invalidate();
    expect(await tokens.get()).toBe('hc_st_a');
  });

  it('renews a minute before expires_at, sharing one renewal between concurrent callers', async () => {
    let now = Date.parse('2026-12-04T10:00:00Z');
    let n = 0;
    const getSessionToken = vi.fn(async () => ({
      session_token: `hc_st_${++n}`,
      expires_at: new Date(now + 10 * 60_000).toISOString(),
    }));
    const tokens = createTokenSource({ getSessionToken, now: () => now });
    expect(await Promise.all([tokens.get(), tokens.get(), tokens.get()])).toEqual([
      'hc_st_1',
      'hc_st_1',
      'hc_st_1',
    ]);
    expect(getSessionToken).toHaveBeenCalledTimes(1);
    now += 8 * 60_000;
    expect(await tokens.get()).toBe('hc_st_1');
    now += 61_000;
    expect(await tokens.get()).toBe('hc_st_2');
    tokens.invalidate();
    expect(await tokens.get()).toBe('hc_st_3');
  });

  it('keeps a bare-string token until it is invalidated, and retries after a failed renewal', async () => {
    const getSessionToken = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('backend down'))
      .mockResolvedValue('hc_st_b');
    const tokens = createTokenSource({ getSessionToken });
    await expect(tokens.get()).rejects.toThrow('backend down');
    expect(await tokens.get()).toBe('hc_st_b');
    expect(await tokens.get()).toBe('hc_st_b');
    expect(getSessionToken).toHaveBeenCalledTimes(2);
  });
});
