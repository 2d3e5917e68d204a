import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createSandbox, type SandboxOptions, startSandbox } from '@harvest-connect/sandbox';
import type { Config } from '../config';
import { generateKeySpec } from '../crypto/key-ring';
import { createLogger } from '../logger';
import { createServer, type ServerOverrides } from '../server';
import { tenantAdmin } from '../services/tenants';

export const PUBLIC_URL = 'http://127.0.0.1:4000';
export const APP_ORIGIN = 'https://app.acme.test';
/** Made-up hosts that the injected fetch routes to the in-process sandbox. */
export const ID_URL = 'http://id.sandbox.test';
export const API_URL = 'http://api.sandbox.test';

/** Token-endpoint calls the sandbox has logged so far. */
export function tokenRequests(sandbox: ReturnType<typeof createSandbox>): number {
  return sandbox.control.requests().filter((r) => r.method === 'POST' && r.path === '/api/v2/oauth2/token')
    .length;
}

/** Every request the sandbox has logged (Harvest ID and API). */
export function harvestRequests(sandbox: ReturnType<typeof createSandbox>): number {
  return sandbox.control.requests().length;
}

/** A fetch that sends Harvest ID and API hosts to the sandbox app in process, counting nothing, faking nothing. */
export function sandboxFetch(sandbox: ReturnType<typeof createSandbox>, ...hosts: string[]): typeof fetch {
  const routed = new Set(hosts.map((h) => new URL(h).host));
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!routed.has(url.host)) throw new TypeError(`test fetch: no route to ${url.host}`);
    const pending = Promise.resolve(sandbox.app.request(`${url.pathname}${url.search}`, init));
    const signal = init?.signal;
    if (!signal) return pending;
    // In process there is no socket to cut: honour the caller's abort (timeouts) the way real fetch does.
    return new Promise<Response>((resolve, reject) => {
      const abort = () => reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    });
  }) as typeof fetch;
}

export interface HarnessOptions {
  sandbox?: SandboxOptions;
  server?: ServerOverrides;
  config?: Partial<Config>;
  dataDir?: string;
  keys?: string;
  /** Serve the sandbox on a loopback port and reach it with real fetch (for tests with several processes). */
  loopback?: boolean;
}

/**
 * A server wired to a real in-process sandbox, a temporary data directory, captured logs, and one tenant with
 * an API key for `APP_ORIGIN`.
 *
 * @example
 * const h = await createHarness();
 * const res = await h.app.request('/v1/link-tokens', { method: 'POST', headers: h.apiHeaders, body: '{}' });
 */
export async function createHarness(options: HarnessOptions = {}) {
  const sandboxOptions = { seed: 'server-tests', ...options.sandbox };
  const started = options.loopback ? await startSandbox({ port: 0, ...sandboxOptions }) : null;
  const sandbox = started ?? createSandbox(sandboxOptions);
  const idUrl = started ? started.url : ID_URL;
  const apiUrl = started ? started.url : API_URL;
  const client = sandbox.credentials.oauth_client;
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hc-server-'));
  const keys = options.keys ?? generateKeySpec(1);
  const config: Config = {
    harvestIdUrl: idUrl,
    harvestApiUrl: apiUrl,
    clientId: client.client_id,
    clientSecret: client.client_secret,
    userAgent: 'Harvest Connect tests (tests@example.com)',
    publicUrl: PUBLIC_URL,
    host: '127.0.0.1',
    port: 0,
    dataDir,
    encryptionKeys: keys,
    logLevel: 'info',
    production: false,
    ...options.config,
  };
  // Our clock, movable by tests (the sandbox has its own: `sandbox.clock`).
  const clock = { now: Date.now() };
  const server = createServer(config, {
    now: () => clock.now,
    harvestFetch: started ? fetch : sandboxFetch(sandbox, ID_URL, API_URL),
    log: createLogger({ level: 'debug', destination }),
    ...options.server,
  });
  const admin = tenantAdmin(server.deps);
  const tenant = await admin.createTenant('Acme', [APP_ORIGIN]);
  const apiHeaders = { authorization: `Bearer ${tenant.api_key}`, 'content-type': 'application/json' };
  return {
    clock,
    sandbox,
    server,
    app: server.app,
    deps: server.deps,
    logs,
    dataDir,
    keys,
    config,
    admin,
    tenant,
    apiHeaders,
    /** Closes the server and, in loopback mode, the sandbox's port. */
    async close() {
      await server.close();
      await started?.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;
