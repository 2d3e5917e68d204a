import { Hono } from 'hono';
import type { DataApiEnv } from '../data-api/data-api-auth';
import { callContext, type DataApiDeps } from '../data-api/data-api-deps';
import { ApiError } from '../errors';
import { decodeCursor, encodeCursor } from '../harvest-client/cursor';
import type { HarvestMethod } from '../harvest-client/harvest-client';
import { nextPosition } from '../harvest-client/harvest-lists';
import { harvestPathFor, harvestQueryFor } from './proxy-path';

/** Headers a caller might use to steer where or as whom we call Harvest: refused, never forwarded. */
const REFUSED_HEADERS = [
  'harvest-account-id',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-original-url',
  'x-rewrite-url',
];

function depth(value: unknown, level = 0): number {
  if (level > 32 || typeof value !== 'object' || value === null) return level;
  let max = level;
  for (const v of Object.values(value)) max = Math.max(max, depth(v, level + 1));
  return max;
}

/** A Harvest list (fact sheet §3): `per_page`, `links` and one array. Returns the array's key. */
function listKey(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('links' in body) || !('per_page' in body)) return null;
  const key = Object.keys(body).find(
    (k) => k !== 'links' && Array.isArray((body as Record<string, unknown>)[k]),
  );
  return key ?? null;
}

/**
 * `/v1/proxy/harvest/<path>`: allow-listed Harvest v2 resources passed through 1:1 (method, query, JSON body,
 * status), lists answered in our envelope with an opaque `next_cursor` (pass it back as `cursor`; `limit`
 * maps to `per_page`). Only the configured Harvest origin is ever called, and only with our own headers.
 * API keys only: a session token's scopes do not map onto arbitrary Harvest paths.
 *
 * @example
 * api.route('/v1/proxy/harvest', proxyRoutes(deps));
 */
export function proxyRoutes(deps: DataApiDeps, mountPath = '/v1/proxy/harvest'): Hono<DataApiEnv> {
  const app = new Hono<DataApiEnv>();
  app.all('/*', async (c) => {
    const caller = c.get('caller');
    if (caller.via !== 'api_key')
      throw new ApiError('auth.scope_denied', 'The proxy needs an API key (server to server).');
    for (const name of REFUSED_HEADERS) {
      if (c.req.header(name) !== undefined)
        throw new ApiError('request.invalid', `The ${name} header may not be set on proxy calls.`);
    }
    // URL parsing already turned `\` into `/` and resolved `..`; the raw request line (under Node) shows what
    // the caller actually sent, and a caller who sends such a path is refused rather than silently rewritten.
    const raw = (c.env as { incoming?: { url?: string } } | undefined)?.incoming?.url;
    if (raw !== undefined && /\\|\/\.{1,2}(\/|$|\?)|\/\/|^[^/]/.test(raw.split('?')[0] as string)) {
      throw new ApiError(
        'proxy.path_not_allowed',
        'This proxy path is not allowed: no backslashes, dot segments or empty segments.',
      );
    }
    const url = new URL(c.req.url);
    const marker = `${mountPath}/`;
    if (!url.pathname.startsWith(marker))
      throw new ApiError('proxy.path_not_allowed', 'This proxy path is not allowed.');
    const method = c.req.method.toUpperCase() as HarvestMethod;
    const path = harvestPathFor(url.pathname.slice(marker.length), method);

    const incoming = new URLSearchParams(url.search);
    const ours = incoming.get('cursor') ?? undefined;
    const limit = incoming.get('limit');
    incoming.delete('cursor');
    incoming.delete('limit');
    if (limit !== null) incoming.set('per_page', limit);
    const query = harvestQueryFor(incoming);
    const position = decodeCursor(ours);
    if (position && 'offset' in position)
      throw new ApiError('request.invalid', 'The cursor is not valid for this list.');
    if (position && 'page' in position) query.set('page', String(position.page));
    if (position && 'cursor' in position) query.set('cursor', position.cursor);

    let body: unknown;
    if (method === 'POST' || method === 'PATCH' || method === 'PUT') {
      const text = await c.req.text();
      if (text !== '') {
        if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
          throw new ApiError('request.unsupported_media_type', 'Send the body as application/json.');
        }
        try {
          body = JSON.parse(text);
        } catch {
          throw new ApiError('request.invalid_json', 'The body is not valid JSON.');
        }
        if (depth(body) > 32) throw new ApiError('request.invalid', 'The body is nested too deeply.');
      }
    }

    const res = await deps.client.request<unknown>(callContext(caller, c.req.raw.signal), {
      method,
      path,
      query,
      body,
    });
    const key = listKey(res.body);
    if (key) {
      const list = res.body as Record<string, unknown> & {
        links?: { next?: string | null } | null;
        next_page?: number | null;
      };
      const next = nextPosition(list);
      return c.json({ result: list[key], next_cursor: next ? encodeCursor(next) : null }, 200);
    }
    return c.json(res.body as object, res.status === 201 ? 201 : 200);
  });
  return app;
}
