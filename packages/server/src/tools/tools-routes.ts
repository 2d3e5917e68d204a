import { createHash } from 'node:crypto';
import type {
  HarvestCompany,
  HarvestTeamTimeReportRow,
  UtilizationResponse,
} from '@harvest-connect/protocol';
import { Hono } from 'hono';
import { type DataApiEnv, requireScope } from '../data-api/data-api-auth';
import { callContext, type DataApiDeps } from '../data-api/data-api-deps';
import { parseJson, parseQuery } from '../data-api/parse-input';
import { ApiError } from '../errors';
import { listAll } from '../harvest-client/harvest-lists';
import type { DirectoryCache } from '../unified/directory-cache';
import type { AccountFacts } from './account-facts';
import { invoiceRoutes } from './invoice-routes';
import { provision } from './provisioning';
import { timeRoutes } from './time-routes';
import { provisionBody, utilizationQuery } from './tool-schemas';
import { utilizationRows, weekOf } from './utilization';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The typed tools of `protocol/tools.ts` under `/v1/tools`: time, timers, invoices, payments, utilization and
 * provisioning.
 *
 * @example
 * api.route('/v1/tools', toolsRoutes(deps, { facts, directory }));
 */
export function toolsRoutes(
  deps: DataApiDeps,
  shared: { facts: AccountFacts; directory: DirectoryCache },
): Hono<DataApiEnv> {
  const app = new Hono<DataApiEnv>();
  app.route('/', timeRoutes(deps, shared.facts));
  app.route('/', invoiceRoutes(deps));

  app.get('/utilization', requireScope('time:read'), async (c) => {
    const { week } = parseQuery(c, utilizationQuery);
    const ctx = callContext(c.get('caller'), c.req.raw.signal);
    const company: HarvestCompany = await shared.facts.company(ctx);
    const range = weekOf(
      week ?? new Date(deps.clock.now()).toISOString().slice(0, 10),
      company.week_start_day,
    );
    const [users, report] = await Promise.all([
      shared.directory.users(ctx),
      listAll<HarvestTeamTimeReportRow>(deps.client, ctx, '/v2/reports/time/team', 'results', range),
    ]);
    const thresholds = deps.utilization ?? { under: 0.6, over: 1.0 };
    const body: UtilizationResponse = {
      result: utilizationRows(users, report, thresholds),
      week: range,
      thresholds,
    };
    return c.json(body);
  });

  app.post('/provisioning', async (c) => {
    const caller = c.get('caller');
    if (caller.via !== 'api_key')
      throw new ApiError('auth.scope_denied', 'Provisioning needs an API key (server to server).');
    const key = c.req.header('idempotency-key');
    if (!key || !IDEMPOTENCY_KEY.test(key))
      throw new ApiError(
        'request.invalid',
        'Send an Idempotency-Key header (1-255 visible ASCII characters).',
      );
    const input = await parseJson(c, provisionBody);
    // Keys are per tenant; the account and the operation are part of what the key promised, like the body.
    const scope = { tenantId: caller.tenantId, key };
    const fingerprint = createHash('sha256')
      .update(JSON.stringify({ op: 'POST /v1/tools/provisioning', account: caller.accountId, body: input }))
      .digest('hex');
    const claim = await deps.idempotency.claim(scope, fingerprint);
    if (claim.state !== 'claimed') {
      const theirs = claim.state === 'done' ? claim.result.fingerprint : claim.fingerprint;
      if (theirs !== fingerprint)
        throw new ApiError(
          'request.idempotency_conflict',
          'This Idempotency-Key was used with a different request (body or integrated account).',
        );
      if (claim.state === 'in_progress')
        throw new ApiError(
          'request.idempotency_conflict',
          'A request with this Idempotency-Key is still running; retry in a moment to get its result.',
        );
      c.header('Idempotent-Replayed', 'true');
      return c.json(claim.result.body as object, claim.result.status as 201);
    }
    try {
      const result = await provision(deps.client, callContext(caller), input);
      await deps.idempotency.finish(scope, { fingerprint, status: 201, body: result });
      return c.json(result, 201);
    } catch (error) {
      // Rolled back (or never started): the same key may be tried again.
      await deps.idempotency.release(scope, fingerprint);
      throw error;
    }
  });

  return app;
}
