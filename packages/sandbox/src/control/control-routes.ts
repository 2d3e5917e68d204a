import { Hono } from 'hono';
import { z } from 'zod';
import { buildCredentials } from '../core/credentials';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { readBody } from '../http/body';
import { HarvestError } from '../http/harvest-errors';
import { validate } from '../http/validate';
import type { SandboxControl } from './control';

const int = z.coerce.number().int();
const flag = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');

/** A year: enough for any absurd `Retry-After` a client must cap. */
const MAX_RETRY_AFTER_S = 31_536_000;

const faultsSchema = z.object({
  latency_ms: int.min(0).max(60_000).optional(),
  error_rate: z.coerce.number().min(0).max(1).optional(),
  error_status: int.min(500).max(599).optional(),
  storm_429: int.min(0).max(1_000_000).optional(),
  // true/false (1 s / no header), whole seconds, or a header value sent as is (visible ASCII: no CRLF injection).
  storm_429_retry_after: z
    .union([
      flag,
      z.number().int().min(0).max(MAX_RETRY_AFTER_S),
      z
        .string()
        .regex(/^\d{1,9}$/)
        .transform(Number)
        .pipe(z.number().max(MAX_RETRY_AFTER_S)),
      z.string().regex(/^[\x20-\x7e]{1,100}$/, 'is not a valid header value'),
    ])
    .optional(),
  storm_429_retry_after_format: z.enum(['seconds', 'http-date']).optional(),
  reset_connections: int.min(0).max(1_000_000).optional(),
  truncate_bodies: int.min(0).max(1_000_000).optional(),
  path_prefix: z.string().startsWith('/').max(200).optional(),
});

/**
 * The control API under `/__sandbox` (documented in the package README). Bodies are JSON or form; errors are
 * 422 `{"message"}` like the rest of the sandbox.
 *
 * @example
 * app.route('/__sandbox', controlRoutes(runtime, control));
 */
export function controlRoutes(rt: SandboxRuntime, control: SandboxControl): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  const faultsView = () => {
    const { rng: _rng, ...rest } = rt.faults;
    return {
      latency_ms: rest.latencyMs,
      error_rate: rest.errorRate,
      error_status: rest.errorStatus,
      storm_429: rest.storm429,
      storm_429_retry_after: rest.storm429RetryAfter,
      storm_429_retry_after_format: rest.storm429RetryAfterFormat,
      reset_connections: rest.resetConnections,
      truncate_bodies: rest.truncateBodies,
      path_prefix: rest.pathPrefix,
    };
  };
  const settingsView = () => ({
    seed: rt.settings.seed,
    users: rt.settings.users,
    time_entries: rt.settings.timeEntries,
    rate_window_ms: rt.settings.rateWindowMs,
    retry_after: rt.settings.retryAfter,
    refresh_rotation: rt.settings.refreshRotation,
    access_token_lifetime_seconds: rt.settings.accessTokenLifetimeSeconds,
    now: new Date(rt.clock.now()).toISOString(),
    clock_frozen: rt.clock.frozen,
  });

  app.get('/', (c) =>
    c.json({
      endpoints: [
        'GET /__sandbox/credentials',
        'GET|DELETE /__sandbox/requests',
        'GET|PATCH /__sandbox/settings',
        'POST /__sandbox/reset',
        'POST /__sandbox/clock',
        'POST /__sandbox/tokens/{expire|revoke|revoke-grant|issue}',
        'POST /__sandbox/clients',
        'GET|PUT|DELETE /__sandbox/faults',
      ],
    }),
  );
  app.get('/credentials', (c) => c.json(buildCredentials(rt.store, rt.auth)));
  app.get('/requests', (c) => c.json({ requests: control.requests() }));
  app.delete('/requests', (c) => {
    control.clearRequests();
    return c.json({ requests: [] });
  });
  app.get('/settings', (c) => c.json(settingsView()));
  app.patch('/settings', async (c) => {
    const body = validate(
      z.object({
        refresh_rotation: flag.optional(),
        retry_after: flag.optional(),
        rate_window_ms: int.min(1).max(86_400_000).optional(),
        access_token_lifetime_seconds: int
          .min(1)
          .max(10 * 365 * 86_400)
          .optional(),
      }),
      await readBody(c),
    );
    if (body.refresh_rotation !== undefined) control.setRefreshRotation(body.refresh_rotation);
    if (body.retry_after !== undefined) control.setRetryAfter(body.retry_after);
    if (body.rate_window_ms !== undefined) control.setRateWindow(body.rate_window_ms);
    if (body.access_token_lifetime_seconds !== undefined)
      control.setAccessTokenLifetime(body.access_token_lifetime_seconds);
    return c.json(settingsView());
  });
  app.post('/reset', async (c) => {
    const body = validate(
      z.object({
        seed: z.union([z.string().min(1).max(200), z.number()]).optional(),
        users: int.min(3).max(50_000).optional(),
        time_entries: int.min(0).max(5_000_000).optional(),
      }),
      await readBody(c),
    );
    control.reset({ seed: body.seed, users: body.users, timeEntries: body.time_entries });
    return c.json(settingsView());
  });
  app.post('/clock', async (c) => {
    const body = validate(
      z.object({
        set: z
          .union([int, z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'is not a valid datetime')])
          .optional(),
        advance_ms: int.optional(),
        frozen: flag.optional(),
      }),
      await readBody(c),
    );
    if (body.set !== undefined) rt.clock.set(typeof body.set === 'number' ? body.set : Date.parse(body.set));
    if (body.advance_ms !== undefined) rt.clock.advance(body.advance_ms);
    if (body.frozen !== undefined) rt.clock.setFrozen(body.frozen);
    return c.json({
      now: new Date(rt.clock.now()).toISOString(),
      now_ms: rt.clock.now(),
      frozen: rt.clock.frozen,
    });
  });
  app.post('/tokens/:action', async (c) => {
    const action = c.req.param('action');
    const body = validate(
      z.object({
        token: z.string().min(1).max(500).optional(),
        token_id: z.string().min(1).max(100).optional(),
        identity_id: int.optional(),
        user_id: int.optional(),
      }),
      await readBody(c),
    );
    if (action === 'revoke-grant') {
      // By Harvest ID person, or by the user id of any account they belong to.
      const identityId =
        body.identity_id ??
        [...rt.store.identities.values()].find((i) => i.memberships.some((m) => m.userId === body.user_id))
          ?.id;
      if (identityId === undefined) throw HarvestError.unprocessable("Identity can't be blank");
      return c.json({ revoked: control.revokeGrant(identityId) });
    }
    if (action === 'issue') {
      if (body.identity_id === undefined || !rt.store.identities.has(body.identity_id)) {
        throw HarvestError.unprocessable('Identity is invalid');
      }
      return c.json({ ...control.issueOAuthTokens(body.identity_id), token_type: 'bearer' });
    }
    const ref = body.token ?? body.token_id;
    if (!ref) throw HarvestError.unprocessable("Token can't be blank");
    if (action !== 'expire' && action !== 'revoke') throw HarvestError.notFound();
    const ok = action === 'expire' ? control.expireToken(ref) : control.revokeToken(ref);
    if (!ok) throw HarvestError.notFound();
    return c.json({ ok: true });
  });
  app.post('/clients', async (c) => {
    const b = validate(
      z.object({
        client_id: z.string().min(1).max(200),
        client_secret: z.string().min(1).max(200),
        redirect_uri: z.string().url('is not a valid URL').max(2000),
        name: z.string().min(1).max(200).optional(),
      }),
      await readBody(c),
    );
    rt.auth.clients.set(b.client_id, {
      clientId: b.client_id,
      clientSecret: b.client_secret,
      redirectUri: b.redirect_uri,
      name: b.name ?? b.client_id,
    });
    return c.json(buildCredentials(rt.store, rt.auth).oauth_clients, 201);
  });
  app.get('/faults', (c) => c.json(faultsView()));
  app.put('/faults', async (c) => {
    const b = validate(faultsSchema, await readBody(c));
    control.setFaults({
      ...(b.latency_ms !== undefined && { latencyMs: b.latency_ms }),
      ...(b.error_rate !== undefined && { errorRate: b.error_rate }),
      ...(b.error_status !== undefined && { errorStatus: b.error_status }),
      ...(b.storm_429 !== undefined && { storm429: b.storm_429 }),
      ...(b.storm_429_retry_after !== undefined && { storm429RetryAfter: b.storm_429_retry_after }),
      ...(b.storm_429_retry_after_format !== undefined && {
        storm429RetryAfterFormat: b.storm_429_retry_after_format,
      }),
      ...(b.reset_connections !== undefined && { resetConnections: b.reset_connections }),
      ...(b.truncate_bodies !== undefined && { truncateBodies: b.truncate_bodies }),
      ...(b.path_prefix !== undefined && { pathPrefix: b.path_prefix }),
    });
    return c.json(faultsView());
  });
  app.delete('/faults', (c) => {
    control.clearFaults();
    return c.json(faultsView());
  });
  return app;
}
