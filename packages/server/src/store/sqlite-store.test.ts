import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations';
import { openSqliteStore } from './sqlite-store';
import type { Store } from './store';

const opened: Store[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function fresh(file = ':memory:') {
  const handle = openSqliteStore(file);
  opened.push(handle.store);
  const { store } = handle;
  await store.insertTenant({
    id: 't',
    name: 'T',
    allowed_origins: ['https://a.test'],
    webhook_url: null,
    webhook_secret_sealed: null,
    created_at: 0,
  });
  return handle;
}

async function withAccount(store: Store) {
  await store.insertAccount({
    id: 'acc',
    tenant_id: 't',
    end_user_id: 'u',
    harvest_account_id: 1,
    harvest_account_name: 'A',
    harvest_user_id: 2,
    harvest_user_name: 'N',
    harvest_user_email: 'e@x.test',
    auth_type: 'oauth',
    status: 'active',
    created_at: 0,
    updated_at: 0,
    last_refreshed_at: null,
  });
}

describe('SQLite store', () => {
  it('migrates once, even when opened twice on one file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hc-store-')), 'db.sqlite');
    const a = await fresh(file);
    const b = openSqliteStore(file);
    opened.push(b.store);
    expect(b.db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({
      n: MIGRATIONS.length,
    });
    expect(b.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(await b.store.getTenant('t')).toMatchObject({ allowed_origins: ['https://a.test'] });
    expect(a.db.open).toBe(true);
  });

  it('consumes a link token, an OAuth state and a pending grant exactly once, even when raced', async () => {
    const { store } = await fresh();
    await store.insertLinkToken({
      id: 'lt',
      tenant_id: 't',
      token_hash: 'h',
      end_user_id: 'u',
      origin: 'o',
      integrated_account_id: null,
      expires_at: 9,
      created_at: 0,
      used_at: null,
    });
    const results = await Promise.all([1, 2, 3].map((n) => store.consumeLinkToken('lt', n)));
    expect(results.filter(Boolean)).toHaveLength(1);
    await store.insertSession({
      id: 's',
      tenant_id: 't',
      link_token_id: 'lt',
      nonce: null,
      mode: 'popup',
      return_url: null,
      status: 'pending',
      result: null,
      error_code: null,
      error_message: null,
      binding_hash: null,
      expires_at: 9,
      created_at: 0,
      updated_at: 0,
    });
    await store.insertOAuthState({
      state_hash: 'sh',
      session_id: 's',
      binding_hash: 'b',
      verifier_sealed: 'v',
      expires_at: 9,
      consumed_at: null,
    });
    const states = await Promise.all([1, 2].map((n) => store.consumeOAuthState('sh', n)));
    expect(states.filter((s) => s !== null)).toHaveLength(1);
    expect(await store.consumeOAuthState('unknown', 1)).toBeNull();
    const finished = await Promise.all([
      store.finishSession(
        's',
        { status: 'cancelled', result: null, error_code: null, error_message: null },
        1,
      ),
      store.finishSession(
        's',
        { status: 'error', result: null, error_code: 'internal.error', error_message: 'x' },
        2,
      ),
    ]);
    expect(finished).toEqual([true, false]);
    expect((await store.getSession('s'))?.status).toBe('cancelled');
  });

  it('fences credential writes by version', async () => {
    const { store } = await fresh();
    await withAccount(store);
    const first = await store.putCredentials('acc', 'sealed-1', 100, 0);
    expect(first.version).toBe(1);
    const second = await store.updateCredentialsIfVersion(
      'acc',
      1,
      { sealed: 'sealed-2', expires_at: 200 },
      1,
    );
    expect(second).toMatchObject({ version: 2, sealed: 'sealed-2' });
    expect(await store.updateCredentialsIfVersion('acc', 1, { sealed: 'stale' }, 2)).toBeNull();
    expect((await store.getCredentials('acc'))?.sealed).toBe('sealed-2');
    await store.setCredentialCooldown('acc', 50);
    expect(await store.getCredentials('acc')).toMatchObject({ version: 2, cooldown_until: 50 });
    expect((await store.putCredentials('acc', 'sealed-3', null, 3)).version).toBe(3);
  });

  it('rolls back a failed transaction and serialises transactions with other calls', async () => {
    const { store } = await fresh();
    await expect(
      store.transaction(async (tx) => {
        await withAccount(tx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.getAccount('acc')).toBeNull();
    const order: string[] = [];
    await Promise.all([
      store.transaction(async (tx) => {
        order.push('tx-start');
        await withAccount(tx);
        await new Promise((r) => setTimeout(r, 20));
        order.push('tx-end');
      }),
      store.getAccount('acc').then((row) => order.push(row ? 'read-after' : 'read-inside')),
    ]);
    expect(order).toEqual(['tx-start', 'tx-end', 'read-after']);
  });

  it('leases a lock to one owner until it expires or is released', async () => {
    const { locks } = await fresh();
    expect(await locks.tryAcquire('refresh:acc', 'a', 100, 0)).toBe(true);
    expect(await locks.tryAcquire('refresh:acc', 'b', 100, 50)).toBe(false);
    expect(await locks.tryAcquire('refresh:acc', 'b', 100, 100)).toBe(true); // a's lease ran out
    await locks.release('refresh:acc', 'a'); // not a's any more: no effect
    expect(await locks.tryAcquire('refresh:acc', 'c', 100, 150)).toBe(false);
    await locks.release('refresh:acc', 'b');
    expect(await locks.tryAcquire('refresh:acc', 'c', 100, 150)).toBe(true);
  });
});
