/**
 * Runs the Harvest Connect data API in its own process for the benchmarks, against a sandbox URL, with fixed
 * tokens per integrated account and one API key (`hc_sk_bench`). Prints `{"url": ...}`; ends when stdin closes.
 */
import { createDataApi } from '../packages/server/src/data-api/create-data-api';
import { StoreIdempotencyStore } from '../packages/server/src/data-api/store-idempotency-store';
import { ApiError } from '../packages/server/src/errors';
import { HarvestClient } from '../packages/server/src/harvest-client/harvest-client';
import { type HarvestAccess, staticTokenSource } from '../packages/server/src/harvest-client/token-source';
import { createLogger } from '../packages/server/src/logger';
import { Metrics } from '../packages/server/src/metrics/metrics-registry';
import { errorHandler } from '../packages/server/src/middleware/error-handler';
import { systemClock } from '../packages/server/src/rate-limit/clock';
import { InProcessRateLimiter } from '../packages/server/src/rate-limit/in-process-rate-limiter';
import { openSqliteStore } from '../packages/server/src/store/sqlite-store';
import { serveLoopback } from './loopback';

const options = JSON.parse(process.argv[2] ?? '{}') as {
  sandboxUrl: string;
  accounts: Record<string, HarvestAccess>;
  windowMs: number;
};
const tokens = staticTokenSource(options.accounts);
const metrics = new Metrics();
const client = new HarvestClient({
  baseUrl: options.sandboxUrl,
  userAgent: 'Harvest Connect bench (bench@example.com)',
  tokens,
  limiter: new InProcessRateLimiter({ windowMs: options.windowMs, maxWaitMs: 120_000 }),
  metrics,
});
const app = createDataApi(
  {
    client,
    tokens,
    metrics,
    clock: systemClock,
    idempotency: new StoreIdempotencyStore({ store: openSqliteStore(':memory:').store, now: Date.now }),
  },
  {
    verifyApiKey: async (key) => {
      if (key !== 'hc_sk_bench') throw new ApiError('auth.invalid_api_key', 'Invalid API key.');
      return { tenantId: 'bench', allowedOrigins: [] };
    },
    checkAccount: async (_tenant, id) => {
      if (!options.accounts[id]) throw new ApiError('integrated_account.not_found', 'No such account.');
    },
    verifySessionToken: async () => {
      throw new ApiError('auth.invalid_session_token', 'Invalid session token.');
    },
    isKnownOrigin: async () => false,
  },
);
app.onError(errorHandler({ log: createLogger({ level: 'silent' }) }));
const server = await serveLoopback(app.fetch);
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void server.close().then(() => process.exit(0));
});
