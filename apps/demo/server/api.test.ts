import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox } from '@harvest-connect/sandbox';
import { createServer, loadConfig } from '@harvest-connect/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acmeApi } from './api';
import { harvestConnectApi } from './harvest-connect-api';
import { ensureTenant } from './tenant';

const SERVER_URL = 'http://connect.test';
const ORIGIN = 'http://acme.test';

// The real Harvest Connect server (its SQLite store in a temp dir) over the real sandbox, both in process.
let dir: string;
let server: ReturnType<typeof createServer>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'acme-demo-'));
  vi.stubEnv('HC_DATA_DIR', join(dir, 'server'));
  const sandbox = createSandbox({ seed: 'demo-test' });
  server = createServer(loadConfig(['--public-url', SERVER_URL, '--log-level', 'silent'], process.env), {
    harvestFetch: ((input: string | URL | Request, init?: RequestInit) =>
      Promise.resolve(sandbox.app.request(String(input), init))) as typeof fetch,
  });
});
afterEach(() => {
  server.close();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

const serverFetch = ((input: string | URL | Request, init?: RequestInit) =>
  Promise.resolve(server.app.request(String(input), init))) as typeof fetch;

async function acme() {
  const tenant = await ensureTenant({
    dataDir: join(dir, 'demo'),
    serverUrl: SERVER_URL,
    origins: [ORIGIN],
    fetch: serverFetch,
  });
  const hc = harvestConnectApi({ serverUrl: SERVER_URL, apiKey: tenant.api_key, fetch: serverFetch });
  return {
    tenant,
    app: acmeApi({ hc, origin: ORIGIN, config: { server_url: SERVER_URL, sandbox_url: null } }),
  };
}

describe("Acme's backend", () => {
  it('creates its tenant once with the admin CLI and keeps the key out of every answer', async () => {
    const { tenant, app } = await acme();
    expect(tenant.api_key).toMatch(/^hc_sk_/);
    const again = await ensureTenant({
      dataDir: join(dir, 'demo'),
      serverUrl: SERVER_URL,
      origins: [ORIGIN],
      fetch: serverFetch,
    });
    expect(again).toEqual(tenant);
    expect(JSON.parse(readFileSync(join(dir, 'demo', 'tenant.json'), 'utf8')).tenant_id).toBe(
      tenant.tenant_id,
    );

    const res = await app.request('/harvest/link-token', { method: 'POST' });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text).link_token).toMatch(/^hc_lt_/);
    expect(text).not.toContain(tenant.api_key);
    expect(res.headers.get('set-cookie')).toMatch(/^acme_user=u_[\w-]+; Path=\/; HttpOnly; SameSite=Lax/);
  });

  it('keeps one end user per cookie and refuses a session token before an account is linked', async () => {
    const { app } = await acme();
    const first = await app.request('/harvest/account');
    expect(await first.json()).toEqual({ account: null });
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const again = await app.request('/harvest/session-token', { method: 'POST', headers: { cookie } });
    expect(again.status).toBe(409);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.json()).toEqual({
      error: { code: 'acme.not_connected', message: 'Connect Harvest first.' },
    });
    // A reconnect request with nothing to reconnect is an ordinary connect.
    const reconnect = await app.request('/harvest/link-token', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ reconnect: true }),
    });
    expect(reconnect.status).toBe(200);
    expect((await app.request('/harvest/account', { method: 'DELETE', headers: { cookie } })).status).toBe(
      204,
    );
  });

  it("replaces a tenant the server no longer knows, and passes the server's refusals on as 4xx", async () => {
    const { tenant } = await acme();
    // The server's database is wiped: a new one (same data dir path) no longer knows the key.
    server.close();
    rmSync(join(dir, 'server'), { recursive: true, force: true });
    server = createServer(loadConfig(['--public-url', SERVER_URL, '--log-level', 'silent'], process.env));
    const { tenant: fresh, app } = await acme();
    expect(fresh.api_key).not.toBe(tenant.api_key);

    const bad = acmeApi({
      hc: harvestConnectApi({ serverUrl: SERVER_URL, apiKey: tenant.api_key, fetch: serverFetch }),
      origin: ORIGIN,
      config: { server_url: SERVER_URL, sandbox_url: null },
    });
    const refused = await bad.request('/harvest/link-token', { method: 'POST' });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toMatch(/^auth\./);
    expect((await app.request('/nope')).status).toBe(404);
  });
});
