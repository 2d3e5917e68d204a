import type { ProvisionResponse } from '@harvest-connect/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { createServer, type Server } from '../server';
import { connectWithOAuth } from './flows';
import { API_URL, createHarness, type Harness, ID_URL, sandboxFetch } from './harness';

// Provisioning's Idempotency-Key through the whole server, against the sandbox: kept in the SQLite store, so a
// restarted server still replays; another body is a 409; a concurrent duplicate never creates twice.

let h: Harness;
let restarted: Server | null = null;
afterEach(async () => {
  await restarted?.close();
  restarted = null;
  await h?.close();
});

async function linkAdmin(h: Harness): Promise<string> {
  const admin = h.sandbox.credentials.personal_access_tokens.find((p) => p.access_role === 'administrator')!;
  const { session } = await connectWithOAuth(h, admin.identity_id);
  return session.result!.integrated_account_id;
}

const provision = (app: Server['app'], h: Harness, accountId: string, key: string, body: unknown) =>
  app.request(`/v1/tools/provisioning?integrated_account_id=${accountId}`, {
    method: 'POST',
    headers: { ...h.apiHeaders, 'idempotency-key': key },
    body: JSON.stringify(body),
  });

const creates = (h: Harness, path: string) =>
  h.sandbox.control.requests().filter((r) => r.method === 'POST' && r.path === path).length;

const body = (client: string) => ({ client: { name: client }, project: { name: 'Onboarding' } });

describe('provisioning idempotency, persisted', () => {
  it('replays after a restart, refuses another body with 409, and forgets after 24 h', async () => {
    h = await createHarness();
    const accountId = await linkAdmin(h);
    const first = await provision(h.app, h, accountId, 'order-1', body('Persisted Co'));
    const created = (await first.json()) as ProvisionResponse;
    expect(first.status, JSON.stringify(created)).toBe(201);
    expect(created.result.client.created).toBe(true);
    const calls = h.sandbox.control.requests().length;

    // A new process on the same data directory (same tenant, same key ring).
    await h.server.close();
    restarted = createServer(h.config, {
      now: () => h.clock.now,
      harvestFetch: sandboxFetch(h.sandbox, ID_URL, API_URL),
      log: createLogger({ level: 'silent' }),
    });
    const replay = await provision(restarted.app, h, accountId, 'order-1', body('Persisted Co'));
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(created);
    expect(h.sandbox.control.requests().length).toBe(calls); // nothing reached Harvest

    const conflict = await provision(restarted.app, h, accountId, 'order-1', body('Another Co'));
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { error: { code: string } }).error.code).toBe(
      'request.idempotency_conflict',
    );
    expect(creates(h, '/v2/clients')).toBe(1);

    h.clock.now += 24 * 3_600_000 + 1;
    const fresh = await provision(restarted.app, h, accountId, 'order-1', body('Another Co'));
    expect(fresh.status).toBe(201);
    expect(fresh.headers.get('idempotent-replayed')).toBeNull();
    expect(creates(h, '/v2/clients')).toBe(2);
  });

  it('lets exactly one of concurrent duplicates run; the others get 409 and nothing is created twice', async () => {
    h = await createHarness();
    const accountId = await linkAdmin(h);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => provision(h.app, h, accountId, 'order-2', body('Raced Co'))),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
    expect(creates(h, '/v2/clients')).toBe(1);
    expect(creates(h, '/v2/projects')).toBe(1);
    // Once the first finished, the same request replays its result.
    const replay = await provision(h.app, h, accountId, 'order-2', body('Raced Co'));
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('releases the key when provisioning fails and rolls back, so the same request may be sent again', async () => {
    h = await createHarness();
    const accountId = await linkAdmin(h);
    const failing = { ...body('Doomed Co'), user_ids: [999_999_999] };
    const failed = await provision(h.app, h, accountId, 'order-3', failing);
    expect([404, 422]).toContain(failed.status);
    // Nothing was kept: the same request may be sent again (and fails the same way, after rolling back again).
    const again = await provision(h.app, h, accountId, 'order-3', failing);
    expect(again.status).toBe(failed.status);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });
});
