import { ApiError } from '../errors';
import type { Metrics } from '../metrics/metrics-registry';
import { type Clock, systemClock } from '../rate-limit/clock';
import type { Permit, RateBucket, RateLimiter } from '../rate-limit/rate-limiter';
import { backoffMs, parseRetryAfter } from '../rate-limit/retry-after';
import { RetryLaterError } from '../rate-limit/retry-later-error';
import { harvestError } from './harvest-errors';
import type { HarvestAccess, TokenSource } from './token-source';

export type HarvestMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

/** Whose Harvest to call, and who is asking (for fairness and cancellation). */
export interface HarvestCallContext {
  /** The integrated account id: the token source resolves it to a token and a Harvest account. */
  accountId: string;
  tenantId?: string;
  signal?: AbortSignal;
}

export interface HarvestRequest {
  method?: HarvestMethod;
  /** A Harvest API path starting with `/v2/`, already checked by the caller. */
  path: string;
  query?: Record<string, QueryValue> | URLSearchParams;
  body?: unknown;
}

export interface HarvestResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface HarvestClientOptions {
  /** Harvest's API origin, e.g. `https://api.harvestapp.com` (the sandbox in tests). */
  baseUrl: string;
  /** `AppName (url-or-email)`: Harvest answers 400 without one (fact sheet §1.7). */
  userAgent: string;
  tokens: TokenSource;
  limiter: RateLimiter;
  fetch?: typeof fetch;
  clock?: Clock;
  random?: () => number;
  /** Per attempt, response body included (default 30 s). The slot is freed when it fires. */
  timeoutMs?: number;
  /** Attempts for a GET on 5xx, reset, timeout or a broken body (default 3). */
  maxAttempts?: number;
  /** Attempts after 429s, any method: a 429 means Harvest did not process the call (default 4). */
  max429Attempts?: number;
  retryBaseMs?: number;
  metrics?: Metrics;
}

type Failure = { kind: 'retry'; reason: string; error: ApiError } | { kind: 'final'; error: ApiError };

/**
 * The one way the server calls Harvest: `User-Agent` and `Harvest-Account-Id` on every call, tokens from the
 * token source (one forced refresh and retry on a 401), a rate-limit slot per attempt, GETs retried on 5xx,
 * resets, timeouts and broken bodies with jittered backoff, writes never re-sent unless Harvest said 429, and
 * only JSON that parsed whole ever returned.
 *
 * @example
 * const client = new HarvestClient({ baseUrl, userAgent: 'Acme (ops@acme.test)', tokens, limiter });
 * const { body } = await client.request<HarvestUser>({ accountId: 'ia_1' }, { path: '/v2/users/me' });
 */
export class HarvestClient {
  private readonly fetch: typeof fetch;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly origin: string;

  constructor(private readonly o: HarvestClientOptions) {
    this.fetch = o.fetch ?? globalThis.fetch;
    this.clock = o.clock ?? systemClock;
    this.random = o.random ?? Math.random;
    this.origin = new URL(o.baseUrl).origin;
  }

  async request<T = unknown>(ctx: HarvestCallContext, req: HarvestRequest): Promise<HarvestResponse<T>> {
    const method = req.method ?? 'GET';
    const url = this.url(req);
    const bucket: RateBucket = url.pathname.startsWith('/v2/reports/') ? 'reports' : 'api';
    let access = await this.o.tokens.get(ctx.accountId);
    let refreshed = false;
    let attempts = 0;
    let attempts429 = 0;
    for (;;) {
      const outcome = await this.attempt<T>(ctx, method, url, req.body, access, bucket);
      if ('body' in outcome) return outcome;
      if (outcome.status === 401 && !refreshed) {
        refreshed = true;
        this.o.metrics?.refreshes.inc();
        access = await this.o.tokens.refresh(ctx.accountId, access);
        continue;
      }
      if (outcome.status === 429) {
        // The limiter has paused the key; the next acquire waits it out, or sheds us with a Retry-After.
        if (++attempts429 >= (this.o.max429Attempts ?? 4)) {
          const wait = parseRetryAfter(outcome.retryAfter, this.clock.now()) ?? 1000;
          throw new RetryLaterError(
            'upstream.rate_limited',
            'Harvest is rate limiting this account.',
            wait / 1000,
          );
        }
        this.o.metrics?.upstreamRetries.inc({ reason: '429' });
        continue;
      }
      const failure = outcome.failure;
      if (failure.kind === 'final' || method !== 'GET' || ++attempts >= (this.o.maxAttempts ?? 3))
        throw failure.error;
      this.o.metrics?.upstreamRetries.inc({ reason: failure.reason });
      await this.sleep(
        backoffMs(attempts - 1, { baseMs: this.o.retryBaseMs ?? 200, capMs: 5000, random: this.random }),
        ctx.signal,
      );
    }
  }

  /** Builds the URL on the configured origin only; anything that would leave it is a bug upstream of here. */
  private url(req: HarvestRequest): URL {
    if (!req.path.startsWith('/v2/'))
      throw new ApiError('internal.error', 'Harvest path must start with /v2/.');
    const url = new URL(req.path, this.origin);
    // Checked again after parsing: `..`, `//host` or a backslash must not move the call anywhere else.
    if (url.origin !== this.origin || !url.pathname.startsWith('/v2/') || req.path.includes('\\'))
      throw new ApiError('internal.error', 'Harvest path left the configured origin or /v2.');
    const query = req.query instanceof URLSearchParams ? req.query : undefined;
    if (query) for (const [k, v] of query) url.searchParams.append(k, v);
    else if (req.query) {
      for (const [k, v] of Object.entries(req.query))
        if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
    }
    return url;
  }

  private async attempt<T>(
    ctx: HarvestCallContext,
    method: HarvestMethod,
    url: URL,
    body: unknown,
    access: HarvestAccess,
    bucket: RateBucket,
  ): Promise<HarvestResponse<T> | { status: number; retryAfter?: string | null; failure: Failure }> {
    const key = `${access.harvestAccountId}:${access.tokenId}`;
    let permit: Permit;
    try {
      permit = await this.o.limiter.acquire(key, {
        bucket,
        ...(ctx.tenantId ? { tenant: ctx.tenantId } : {}),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
    } catch (error) {
      if (error instanceof ApiError) this.o.metrics?.limiterShed.inc({ code: error.code });
      throw error;
    }
    this.o.metrics?.limiterWaitSeconds.observe(permit.waitedMs / 1000, { bucket });
    const started = this.clock.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = this.clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.o.timeoutMs ?? 30_000);
    const onCallerAbort = () => controller.abort();
    ctx.signal?.addEventListener('abort', onCallerAbort, { once: true });
    let status: number | undefined;
    let retryAfter: string | null = null;
    let respondedAt: number | undefined;
    try {
      const res = await this.fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${access.accessToken}`,
          'harvest-account-id': String(access.harvestAccountId),
          'user-agent': this.o.userAgent,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: controller.signal,
        redirect: 'manual',
      });
      respondedAt = this.clock.now();
      status = res.status;
      retryAfter = res.headers.get('retry-after');
      const text = await res.text();
      this.o.metrics?.upstreamCalls.inc({ method, status: String(status) });
      if (status === 429) {
        this.o.metrics?.rateLimited.inc({
          retry_after: retryAfter === null ? 'absent' : /^\d+$/.test(retryAfter.trim()) ? 'seconds' : 'date',
        });
        return {
          status,
          retryAfter,
          failure: {
            kind: 'final',
            error: new ApiError('upstream.rate_limited', 'Harvest is rate limiting this account.'),
          },
        };
      }
      if (status >= 500)
        return { status, failure: { kind: 'retry', reason: '5xx', error: harvestError(status, text) } };
      if (status >= 300) return { status, failure: { kind: 'final', error: harvestError(status, text) } };
      try {
        return { status, body: (text === '' ? null : JSON.parse(text)) as T, headers: res.headers };
      } catch {
        // A body cut short (reset mid-stream with a lying length) parses as nothing: never hand it on.
        return {
          status,
          failure: {
            kind: 'retry',
            reason: 'bad_body',
            error: new ApiError('upstream.bad_response', 'Harvest sent an incomplete or non-JSON response.'),
          },
        };
      }
    } catch (error) {
      if (ctx.signal?.aborted) throw ctx.signal.reason;
      this.o.metrics?.upstreamCalls.inc({ method, status: timedOut ? 'timeout' : 'error' });
      const failure: Failure = timedOut
        ? {
            kind: 'retry',
            reason: 'timeout',
            error: new ApiError('upstream.timeout', 'Harvest did not answer in time.', { cause: error }),
          }
        : {
            kind: 'retry',
            reason: 'reset',
            error: new ApiError('upstream.unavailable', 'The connection to Harvest failed.', {
              cause: error,
            }),
          };
      return { status: 0, failure };
    } finally {
      this.clock.clearTimeout(timer);
      ctx.signal?.removeEventListener('abort', onCallerAbort);
      permit.done({
        ...(status === undefined ? {} : { status }),
        retryAfter,
        ...(respondedAt === undefined ? {} : { respondedAt }),
      });
      this.o.metrics?.upstreamSeconds.observe((this.clock.now() - started) / 1000, { method });
    }
  }

  private sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = this.clock.setTimeout(resolve, ms);
      signal?.addEventListener(
        'abort',
        () => {
          this.clock.clearTimeout(timer);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }
}
