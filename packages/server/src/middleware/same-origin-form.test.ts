import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { sameOriginForm } from './same-origin-form';

const app = new Hono()
  .use('*', sameOriginForm({ publicUrl: 'http://127.0.0.1:4000' }))
  .post('/f', (c) => c.text('ok'))
  .onError((e, c) => c.text(e instanceof ApiError ? e.code : 'bug', 403));

describe('sameOriginForm', () => {
  it('accepts same-origin posts, including the null Origin of a no-referrer page', async () => {
    for (const headers of <Array<Record<string, string>>>[
      { 'sec-fetch-site': 'same-origin', origin: 'null' },
      { origin: 'http://127.0.0.1:4000' },
      {},
    ]) {
      expect(await (await app.request('/f', { method: 'POST', headers })).text()).toBe('ok');
    }
  });

  it('refuses cross-site posts', async () => {
    for (const headers of <Array<Record<string, string>>>[
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.test' },
    ]) {
      expect(await (await app.request('/f', { method: 'POST', headers })).text()).toBe('auth.origin_denied');
    }
  });
});
