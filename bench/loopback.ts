import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

type Serve = (
  options: { fetch: (request: Request) => Response | Promise<Response>; port: number; hostname: string },
  listening: (info: AddressInfo) => void,
) => { close(done: () => void): void; closeAllConnections?: () => void };

/**
 * Serves a fetch-style app (Hono's `app.fetch`) on 127.0.0.1 with a random port, with the same adapter the
 * server's CLI uses (`@hono/node-server`, resolved from the server package, which depends on it).
 */
export async function serveLoopback(
  fetchApp: (request: Request) => Response | Promise<Response>,
): Promise<{ url: string; close(): Promise<void> }> {
  const require = createRequire(new URL('../packages/server/package.json', import.meta.url));
  const { serve } = (await import(pathToFileURL(require.resolve('@hono/node-server')).href)) as {
    serve: Serve;
  };
  let server: ReturnType<Serve> | null = null;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: fetchApp, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server?.close(() => resolve());
        server?.closeAllConnections?.();
      }),
  };
}

/** Percentile of a sorted list (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
