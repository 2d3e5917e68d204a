import { Hono } from 'hono';
import type { Store } from '../store/store';

/**
 * `/healthz`: the process is up. `/readyz`: the store answers (503 otherwise).
 *
 * @example
 * app.route('/', healthRoutes({ store }));
 */
export function healthRoutes(options: { store: Store }) {
  return new Hono()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', async (c) => {
      try {
        await options.store.ping();
        return c.json({ status: 'ready' });
      } catch {
        return c.json(
          {
            status: 'not_ready',
            error: { code: 'internal.not_ready', message: 'The store is not answering.' },
          },
          503,
        );
      }
    });
}
