import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createCipher } from '../crypto/cipher';
import { generateKeySpec, parseKeyRing } from '../crypto/key-ring';
import { createLogger } from '../logger';
import type { Deps } from '../services/deps';
import { createLinkToken } from '../services/link-tokens';
import { openSqliteStore } from '../store/sqlite-store';
import type { LinkTokenRow } from '../store/store';
import { errorHandler } from './error-handler';
import { linkTokenAuth, linkTokenPreflight } from './link-token-auth';

async function setup() {
  const { store, locks } = openSqliteStore(':memory:');
  const tenant = {
    id: 't',
    name: 'T',
    allowed_origins: ['https://a.test'],
    webhook_url: null,
    webhook_secret_sealed: null,
    created_at: 0,
  };
  await store.insertTenant(tenant);
  const deps = {
    config: { publicUrl: 'http://127.0.0.1:4000', harvestIdUrl: 'https://id.getharvest.com' },
    store,
    locks,
    cipher: createCipher(parseKeyRing(generateKeySpec(1))),
    log: createLogger({ level: 'silent' }),
    now: () => 0,
  } as unknown as Deps;
  const { link_token } = await createLinkToken(deps, tenant, { end_user_id: 'u', origin: 'https://a.test' });
  const app = new Hono<{ Variables: { link: LinkTokenRow } }>()
    .options('/x', linkTokenPreflight({ isAllowedOrigin: async (o) => o === 'https://a.test' }))
    .get('/x', linkTokenAuth({ deps }), (c) => c.text(c.var.link.end_user_id))
    .onError(errorHandler({ log: deps.log }));
  return { app, link_token };
}

describe('linkTokenAuth', () => {
  it('admits the token from its own origin and answers CORS for that origin only', async () => {
    const { app, link_token } = await setup();
    const ok = await app.request('/x', {
      headers: { authorization: `Bearer ${link_token}`, origin: 'https://a.test' },
    });
    expect(await ok.text()).toBe('u');
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://a.test');
    const foreign = await app.request('/x', {
      headers: { authorization: `Bearer ${link_token}`, origin: 'https://b.test' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a token in the query string, a missing one and a malformed one', async () => {
    const { app, link_token } = await setup();
    expect(
      (
        await app.request(`/x?link_token=${link_token}`, {
          headers: { authorization: `Bearer ${link_token}` },
        })
      ).status,
    ).toBe(401);
    expect((await app.request('/x')).status).toBe(401);
    expect((await app.request('/x', { headers: { authorization: 'Bearer hc_lt_short' } })).status).toBe(401);
  });

  it('preflight: allow headers for a known origin, none for others', async () => {
    const { app } = await setup();
    const good = await app.request('/x', { method: 'OPTIONS', headers: { origin: 'https://a.test' } });
    expect(good.status).toBe(204);
    expect(good.headers.get('access-control-allow-headers')).toContain('authorization');
    const bad = await app.request('/x', { method: 'OPTIONS', headers: { origin: 'https://evil.test' } });
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();
    expect(bad.headers.get('access-control-allow-methods')).toBeNull();
  });
});
