import type { ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { stormRetryAfter } from '../core/faults';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';

/** A body stream that gives half of `bytes`, then fails: the client sees a cut-off response. */
function truncated(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.slice(0, Math.floor(bytes.length / 2)));
      controller.error(new Error('sandbox fault: truncated body'));
    },
  });
}

/** Tells @hono/node-server the response was written by hand (its `x-hono-already-sent` convention). */
const alreadySent = () => new Response(null, { headers: { 'x-hono-already-sent': 'true' } });

/** The Node response when served by @hono/node-server; undefined in process (`app.request`). */
function nodeResponse(c: Context): ServerResponse | undefined {
  return (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
}

/**
 * Injects the faults switched on through `/__sandbox/faults`: latency, a 5xx rate, a 429 storm, connection
 * resets and truncated bodies. Control paths are never affected.
 *
 * @example
 * app.use('*', faults(runtime));
 */
export function faults(rt: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const f = rt.faults;
    if (c.req.path.startsWith('/__sandbox') || !c.req.path.startsWith(f.pathPrefix)) return next();
    if (f.latencyMs > 0) await new Promise((r) => setTimeout(r, f.latencyMs));
    if (f.resetConnections > 0) {
      f.resetConnections--;
      const outgoing = nodeResponse(c);
      if (outgoing) {
        outgoing.socket?.destroy();
        return alreadySent();
      }
      // In process there is no socket: a body that errors at once is the closest equivalent.
      return new Response(truncated(new Uint8Array()), { status: 200 });
    }
    if (f.storm429 > 0) {
      f.storm429--;
      const retryAfter = stormRetryAfter(f, rt.clock.now());
      return c.body(null, 429, retryAfter === null ? {} : { 'Retry-After': retryAfter });
    }
    if (f.errorRate > 0 && f.rng.next() < f.errorRate) {
      return c.json({ status: f.errorStatus, error: 'Internal Server Error' }, f.errorStatus as 500);
    }
    await next();
    if (f.truncateBodies > 0 && c.res.body) {
      f.truncateBodies--;
      const bytes = new Uint8Array(await c.res.arrayBuffer());
      const headers = new Headers(c.res.headers);
      headers.set('Content-Length', String(bytes.length));
      const outgoing = nodeResponse(c);
      if (outgoing) {
        // Promise the whole length, send half, then drop the socket: the client sees a cut-off body.
        outgoing.writeHead(c.res.status, Object.fromEntries(headers));
        outgoing.write(bytes.slice(0, Math.floor(bytes.length / 2)), () => outgoing.socket?.destroy());
        c.res = alreadySent();
        return;
      }
      c.res = new Response(truncated(bytes), { status: c.res.status, headers });
    }
  };
}
