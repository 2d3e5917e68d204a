import { join } from 'node:path';
import { createApp } from './app';
import type { Config } from './config';
import { createCipher } from './crypto/cipher';
import { loadKeyRing } from './crypto/key-ring';
import { dataApiForServer } from './data-api/server-wiring';
import type { HarvestHttp } from './harvest/types';
import { createLogger, type Logger } from './logger';
import type { Deps } from './services/deps';
import { createTokenProvider, type TokenProviderOptions } from './services/token-provider';
import { createWebhooks } from './services/webhooks';
import { openSqliteStore } from './store/sqlite-store';

/**
 * The SQLite file inside the data directory.
 *
 * @example
 * openSqliteStore(join(config.dataDir, DB_FILE));
 */
export const DB_FILE = 'harvest-connect.sqlite';

export interface ServerOverrides {
  /** Replaces `fetch` for calls to Harvest (tests route them to the sandbox). */
  harvestFetch?: typeof fetch;
  webhookFetch?: typeof fetch;
  now?: () => number;
  log?: Logger;
  tokenProvider?: TokenProviderOptions;
  /** Timeout of each call to Harvest (default 10 s; must stay below the refresh lease). */
  harvestTimeoutMs?: number;
}

/**
 * Builds everything one server process needs from its configuration: logger, key ring, store, services, app.
 * Throws (and the CLI exits) when the configuration cannot run, e.g. production without a key.
 *
 * @example
 * const server = createServer(loadConfig(argv, process.env));
 * const res = await server.app.request('/healthz');
 */
export function createServer(config: Config, overrides: ServerOverrides = {}) {
  const log = overrides.log ?? createLogger({ level: config.logLevel });
  const ring = loadKeyRing({
    spec: config.encryptionKeys,
    production: config.production,
    dataDir: config.dataDir,
    warn: (m) => log.warn(m),
  });
  const { store, locks } = openSqliteStore(join(config.dataDir, DB_FILE));
  const harvest: HarvestHttp = {
    fetch: overrides.harvestFetch ?? fetch,
    idUrl: config.harvestIdUrl,
    apiUrl: config.harvestApiUrl,
    userAgent: config.userAgent,
    timeoutMs: overrides.harvestTimeoutMs ?? 10_000,
  };
  if (!config.clientId || !config.clientSecret) {
    log.warn('HARVEST_CLIENT_ID / HARVEST_CLIENT_SECRET not set: only personal access tokens can connect');
  }
  const deps: Deps = {
    config,
    store,
    locks,
    cipher: createCipher(ring),
    log,
    now: overrides.now ?? Date.now,
    harvest,
    oauthClient:
      config.clientId && config.clientSecret
        ? {
            clientId: config.clientId,
            clientSecret: config.clientSecret,
            redirectUri: `${config.publicUrl}/connect/oauth/callback`,
          }
        : null,
    webhookFetch: overrides.webhookFetch ?? fetch,
  };
  const webhooks = createWebhooks(deps);
  const tokens = createTokenProvider(deps, webhooks, overrides.tokenProvider);
  const app = createApp(deps, webhooks);
  // The data API (user directory, tools, proxy, OpenAPI, metrics) calls Harvest with this process's tokens.
  app.route(
    '/',
    dataApiForServer(deps, tokens, {
      apiUrl: config.harvestApiUrl,
      userAgent: config.userAgent,
      fetch: harvest.fetch,
    }),
  );
  return { app, deps, webhooks, tokens, close: () => store.close() };
}

export type Server = ReturnType<typeof createServer>;
