import { Hono } from 'hono';
import { ApiError } from './errors';
import { errorHandler } from './middleware/error-handler';
import { requestLog } from './middleware/request-log';
import { connectPageRoutes } from './routes/connect-pages';
import { connectSessionRoutes } from './routes/connect-sessions';
import { healthRoutes } from './routes/health';
import { integratedAccountRoutes } from './routes/integrated-accounts';
import { linkTokenRoutes } from './routes/link-tokens';
import { sessionTokenRoutes } from './routes/session-tokens';
import type { Deps } from './services/deps';
import type { Webhooks } from './services/webhooks';

/**
 * Assembles the HTTP app from its routes. No socket here: tests call `app.request()`.
 *
 * @example
 * const app = createApp(deps, webhooks);
 * const res = await app.request('/healthz');
 */
export function createApp(deps: Deps, webhooks: Webhooks) {
  const app = new Hono();
  app.use('*', requestLog({ log: deps.log }));
  app.route('/', healthRoutes({ store: deps.store }));
  // Browsers ask for it on every popup page; an empty answer keeps their consoles clean.
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.route('/v1/link-tokens', linkTokenRoutes(deps));
  app.route('/v1/connect-sessions', connectSessionRoutes(deps));
  app.route('/v1/integrated-accounts', integratedAccountRoutes(deps, webhooks));
  app.route('/v1/session-tokens', sessionTokenRoutes(deps));
  app.route('/connect', connectPageRoutes(deps, webhooks));
  app.notFound(() => {
    throw new ApiError('request.not_found', 'No such endpoint.');
  });
  app.onError(errorHandler({ log: deps.log }));
  return app;
}
