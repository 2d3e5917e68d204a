import { describe, expect, it } from 'vitest';
import { verifyWebhook } from './verify-webhook';
import { signWebhook } from './webhooks';

describe('verifyWebhook', () => {
  const body = '{"id":"evt_1","type":"account.connected"}';
  const now = 1_800_000_000_000;
  const header = signWebhook('whsec_test', now / 1000, body);

  it('accepts a fresh, matching signature', () => {
    expect(verifyWebhook('whsec_test', header, body, { now })).toBe(true);
  });

  it('refuses another secret, a changed body, an old timestamp, or a malformed header', () => {
    expect(verifyWebhook('whsec_other', header, body, { now })).toBe(false);
    expect(verifyWebhook('whsec_test', header, `${body} `, { now })).toBe(false);
    expect(verifyWebhook('whsec_test', header, body, { now: now + 301_000 })).toBe(false);
    expect(verifyWebhook('whsec_test', 't=1,v1=zz', body, { now })).toBe(false);
    expect(verifyWebhook('whsec_test', undefined, body, { now })).toBe(false);
  });
});
