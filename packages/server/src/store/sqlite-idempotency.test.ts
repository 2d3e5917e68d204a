import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite-store';
import type { Store } from './store';

const opened: Store[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

function open(file = ':memory:'): Store {
  const { store } = openSqliteStore(file);
  opened.push(store);
  return store;
}

const claimOf = (fingerprint: string, now: number, lease = 1000, ttl = 10_000) => ({
  tenant_id: 't',
  key: 'k',
  fingerprint,
  created_at: now,
  expires_at: now + ttl,
  locked_until: now + lease,
});

describe('SQLite idempotency keys', () => {
  it('gives a key to exactly one of many concurrent claims, then replays its stored response', async () => {
    const store = open();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => store.claimIdempotencyKey(claimOf('f', 0), 0)),
    );
    expect(answers.filter((a) => a.claimed)).toHaveLength(1);
    const held = answers.find((a) => !a.claimed);
    expect(held).toMatchObject({ claimed: false, row: { state: 'in_progress', fingerprint: 'f' } });
    expect(await store.finishIdempotencyKey('t', 'k', 'other', { status: 201, body: {} })).toBe(false);
    expect(
      await store.finishIdempotencyKey('t', 'k', 'f', { status: 201, body: { result: { id: 1 } } }),
    ).toBe(true);
    expect(await store.claimIdempotencyKey(claimOf('f', 5000), 5000)).toMatchObject({
      claimed: false,
      row: { state: 'done', response_status: 201, response_body: { result: { id: 1 } } },
    });
    // Another tenant's same key is another key.
    expect(await store.claimIdempotencyKey({ ...claimOf('f', 0), tenant_id: 't2' }, 0)).toEqual({
      claimed: true,
    });
  });

  it('frees a released claim, takes over an expired row, and an abandoned claim only for the same request', async () => {
    const store = open();
    await store.claimIdempotencyKey(claimOf('f', 0), 0);
    await store.releaseIdempotencyKey('t', 'k', 'f');
    expect(await store.claimIdempotencyKey(claimOf('g', 10), 10)).toEqual({ claimed: true });
    // Past its lease (the process died mid-call): another body must not take it, the same request may.
    expect((await store.claimIdempotencyKey(claimOf('f', 2000), 2000)).claimed).toBe(false);
    expect(await store.claimIdempotencyKey(claimOf('g', 2000), 2000)).toEqual({ claimed: true });
    await store.finishIdempotencyKey('t', 'k', 'g', { status: 201, body: 1 });
    expect((await store.claimIdempotencyKey(claimOf('f', 11_999), 11_999)).claimed).toBe(false);
    // Past the expiry (24 h in the server) the key is new again, whatever the body.
    expect(await store.claimIdempotencyKey(claimOf('f', 12_000), 12_000)).toEqual({ claimed: true });
    expect(await store.deleteExpiredIdempotencyKeys(30_000)).toBe(1);
  });

  it('keeps one winner when two connections (two processes) share the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hc-idem-')), 'db.sqlite');
    const a = open(file);
    const b = open(file);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claimIdempotencyKey(claimOf('f', 0), 0)),
    );
    expect(answers.filter((x) => x.claimed)).toHaveLength(1);
    await a.finishIdempotencyKey('t', 'k', 'f', { status: 201, body: 'x' });
    expect(await b.claimIdempotencyKey(claimOf('f', 1), 1)).toMatchObject({ row: { response_body: 'x' } });
  });
});
