import { Writable } from 'node:stream';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { createLogger } from '../logger';
import { errorHandler } from './error-handler';

function app() {
  let logged = '';
  const destination = new Writable({
    write: (c, _e, done) => {
      logged += String(c);
      done();
    },
  });
  const a = new Hono()
    .get('/api', () => {
      throw new ApiError('link_token.expired', 'This link has expired.');
    })
    .get('/bug', () => {
      throw new Error('db password=hunter2 at /srv/x.ts:12');
    })
    .get('/hono', () => {
      throw new HTTPException(413);
    })
    .get('/shed', () => {
      throw new ApiError('upstream.queue_full', 'Too many calls are waiting.', { retryAfterSeconds: 11.2 });
    })
    .get('/unavailable', () => {
      throw new ApiError('upstream.unavailable', 'Harvest is not answering.');
    })
    .onError(errorHandler({ log: createLogger({ level: 'error', destination }) }));
  return { a, logs: () => logged };
}

describe('errorHandler', () => {
  it('maps an ApiError to its status and { error: { code, message } }', async () => {
    const res = await app().a.request('/api');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: 'link_token.expired', message: 'This link has expired.' },
    });
  });

  it('answers anything else with 500 internal.error, logged but never leaked', async () => {
    const { a, logs } = app();
    const res = await a.request('/bug');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toContain('internal.error');
    expect(text).not.toContain('hunter2');
    expect(logs()).toContain('unhandled error');
  });

  it('tells a 503 caller when to come back: the known wait, rounded up, else a default', async () => {
    const shed = await app().a.request('/shed');
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('12');
    const unavailable = await app().a.request('/unavailable');
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('5');
    expect((await app().a.request('/api')).headers.get('retry-after')).toBeNull();
  });

  it("maps Hono's own exceptions to request codes", async () => {
    const res = await app().a.request('/hono');
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('request.body_too_large');
  });
});
