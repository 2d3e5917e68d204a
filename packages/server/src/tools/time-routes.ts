import type {
  HarvestProjectAssignment,
  HarvestTimeEntry,
  TimerChangeResponse,
} from '@harvest-connect/protocol';
import { type Context, Hono } from 'hono';
import { type DataApiEnv, requireScope } from '../data-api/data-api-auth';
import { callContext, type DataApiDeps } from '../data-api/data-api-deps';
import { parseId, parseJson, parseQuery } from '../data-api/parse-input';
import { decodeCursor } from '../harvest-client/cursor';
import type { HarvestCallContext } from '../harvest-client/harvest-client';
import { listPage } from '../harvest-client/harvest-lists';
import type { AccountFacts } from './account-facts';
import { localDate } from './local-date';
import { pageQuery, runningTimerQuery, startTimerBody, timeEntriesQuery } from './tool-schemas';

type Ctx = Context<DataApiEnv>;

/**
 * Time tracking tools: the company (timer mode), time entries with Harvest's filters, the caller's running timer,
 * start / stop / restart, and the caller's project assignments.
 *
 * @example
 * tools.route('/', timeRoutes(deps, facts));
 */
export function timeRoutes(deps: DataApiDeps, facts: AccountFacts): Hono<DataApiEnv> {
  const app = new Hono<DataApiEnv>();
  const ctxOf = (c: Ctx) => callContext(c.get('caller'), c.req.raw.signal);

  /** The caller's running timer, optionally for one external item (fact sheet §6.5). */
  async function running(
    ctx: HarvestCallContext,
    externalReferenceId?: string,
  ): Promise<HarvestTimeEntry | null> {
    const me = await facts.me(ctx);
    const page = await listPage<HarvestTimeEntry>(
      deps.client,
      ctx,
      '/v2/time_entries',
      'time_entries',
      { user_id: me.id, is_running: true, external_reference_id: externalReferenceId },
      { limit: 1 },
    );
    return page.result[0] ?? null;
  }

  /** Harvest keeps one running timer per person: whatever ran before and is not `entry` was stopped. */
  async function stoppedBy(
    ctx: HarvestCallContext,
    before: HarvestTimeEntry | null,
    entry: HarvestTimeEntry,
  ) {
    if (!before || before.id === entry.id) return null;
    return (await deps.client.request<HarvestTimeEntry>(ctx, { path: `/v2/time_entries/${before.id}` })).body;
  }

  app.get('/company', requireScope('time:read'), async (c) =>
    c.json({ result: await facts.company(ctxOf(c)) }),
  );

  app.get('/time-entries', requireScope('time:read'), async (c) => {
    const { limit, cursor, ...filters } = parseQuery(c, timeEntriesQuery);
    const ctx = ctxOf(c);
    // Harvest shows an administrator everyone's entries (fact sheet §5.5). A widget acts for one person, so a
    // session token without `user_id` means "mine"; `me` is cached per account and token (AccountFacts).
    // API keys (server to server) keep Harvest's own default.
    if (c.get('caller').via === 'session_token' && filters.user_id === undefined)
      filters.user_id = (await facts.me(ctx)).id;
    return c.json(
      await listPage<HarvestTimeEntry>(deps.client, ctx, '/v2/time_entries', 'time_entries', filters, {
        limit,
        position: decodeCursor(cursor),
      }),
    );
  });

  app.get('/timers/running', requireScope('time:read'), async (c) => {
    const { external_reference_id } = parseQuery(c, runningTimerQuery);
    return c.json({ result: await running(ctxOf(c), external_reference_id) });
  });

  app.post('/timers', requireScope('time:write'), async (c) => {
    const body = await parseJson(c, startTimerBody);
    const ctx = ctxOf(c);
    const [me, before] = await Promise.all([facts.me(ctx), running(ctx)]);
    // No `hours` and no `ended_time`: Harvest starts a timer in either timer mode (fact sheet §5.5).
    const created = await deps.client.request<HarvestTimeEntry>(ctx, {
      method: 'POST',
      path: '/v2/time_entries',
      body: { ...body, spent_date: body.spent_date ?? localDate(deps.clock.now(), me.timezone) },
    });
    const result: TimerChangeResponse = {
      result: created.body,
      stopped: await stoppedBy(ctx, before, created.body),
    };
    return c.json(result, 201);
  });

  const stop = async (c: Ctx) => {
    const id = parseId(c.req.param('id'));
    const entry = await deps.client.request<HarvestTimeEntry>(ctxOf(c), {
      method: 'PATCH',
      path: `/v2/time_entries/${id}/stop`,
    });
    return c.json({ result: entry.body, stopped: null } satisfies TimerChangeResponse);
  };
  const restart = async (c: Ctx) => {
    const id = parseId(c.req.param('id'));
    const ctx = ctxOf(c);
    const before = await running(ctx);
    // In timestamp mode Harvest answers a new entry with a new id (fact sheet §5.5): always use the answer.
    const entry = await deps.client.request<HarvestTimeEntry>(ctx, {
      method: 'PATCH',
      path: `/v2/time_entries/${id}/restart`,
    });
    return c.json({
      result: entry.body,
      stopped: await stoppedBy(ctx, before, entry.body),
    } satisfies TimerChangeResponse);
  };
  for (const method of ['post', 'patch'] as const) {
    app[method]('/timers/:id/stop', requireScope('time:write'), stop);
    app[method]('/timers/:id/restart', requireScope('time:write'), restart);
  }

  app.get('/my-assignments', requireScope('time:read'), async (c) => {
    const { limit, cursor } = parseQuery(c, pageQuery);
    return c.json(
      await listPage<HarvestProjectAssignment>(
        deps.client,
        ctxOf(c),
        '/v2/users/me/project_assignments',
        'project_assignments',
        {},
        { limit, position: decodeCursor(cursor) },
      ),
    );
  });

  return app;
}
