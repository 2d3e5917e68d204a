import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { hashSecret, newSecret } from '../crypto/secrets';
import { ApiError } from '../errors';
import { openSqliteStore } from '../store/sqlite-store';
import type { Store, TenantRow } from '../store/store';
import { apiKeyAuth } from './api-key-auth';

let store: Store;
afterEach(() => store?.close());

async function setup() {
  store = openSqliteStore(':memory:').store;
  await store.insertTenant({
    id: 't1',
    name: 'A',
    allowed_origins: [],
    webhook_url: null,
    webhook_secret_sealed: null,
    created_at: 0,
  });
  const key = newSecret('hc_sk_');
  await store.insertApiKey({
    id: 'k1',
    tenant_id: 't1',
    key_hash: hashSecret(key),
    created_at: 0,
    revoked_at: null,
  });
  const app = new Hono<{ Variables: { tenant: TenantRow } }>()
    .use('*', apiKeyAuth({ store }))
    .get('/', (c) => c.text(c.var.tenant.id))
    .onError((e, c) => c.text(e instanceof ApiError ? e.code : 'bug', 401));
  return { app, key };
}

describe('apiKeyAuth', () => {
  it('admits a live key and names its tenant', async () => {
    const { app, key } = await setup();
    expect(await (await app.request('/', { headers: { authorization: `Bearer ${key}` } })).text()).toBe('t1');
  });

  it('refuses missing, malformed, unknown and revoked keys', async () => {
    const { app, key } = await setup();
    const codeFor = async (authorization?: string) =>
      (await app.request('/', { headers: authorization ? { authorization } : {} })).text();
    expect(await codeFor()).toBe('auth.missing_credentials');
    expect(await codeFor(key)).toBe('auth.invalid_api_key');
    expect(await codeFor(`Bearer ${key.slice(0, -1)}`)).toBe('auth.invalid_api_key');
    expect(await codeFor(`Bearer ${newSecret('hc_lt_')}`)).toBe('auth.invalid_api_key');
    expect(await codeFor(`Bearer ${newSecret('hc_sk_')}`)).toBe('auth.invalid_api_key');
    await store.revokeApiKey('k1', 1);
    expect(await codeFor(`Bearer ${key}`)).toBe('auth.invalid_api_key');
  });
});
