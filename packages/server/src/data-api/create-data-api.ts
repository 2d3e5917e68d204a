import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../errors';
import { openApiDocument } from '../openapi/openapi-document';
import { REFERENCE_CSP, REFERENCE_PAGE } from '../openapi/reference-page';
import { proxyRoutes } from '../proxy/proxy-routes';
import { AccountFacts } from '../tools/account-facts';
import { toolsRoutes } from '../tools/tools-routes';
import { DirectoryCache } from '../unified/directory-cache';
import { userDirectoryRoutes } from '../unified/user-directory-routes';
import { type DataApiEnv, type DataApiVerifier, dataApiAuth } from './data-api-auth';
import type { DataApiDeps } from './data-api-deps';

/** Largest JSON body the data API reads (1 MiB): bigger is a 413 before any parsing. */
export const DATA_API_BODY_LIMIT = 1024 * 1024;

/**
 * The data API: the Unified User Directory, the tools, the Harvest proxy, `/openapi.json`, `/reference` and
 * `/metrics`. Mount it at the root of the server app: `app.route('/', createDataApi(deps, verifier))`. Errors
 * are thrown as `ApiError` and rendered by the app's one `onError`.
 *
 * @example
 * app.route('/', createDataApi({ client, tokens, metrics, clock, idempotency }, verifier));
 */
export function createDataApi(
  deps: DataApiDeps,
  verifier: DataApiVerifier,
  options: { publicUrl?: string } = {},
) {
  const app = new Hono<DataApiEnv>();
  const directory = new DirectoryCache({
    client: deps.client,
    tokens: deps.tokens,
    clock: deps.clock,
    ...(deps.directoryTtlMs ? { ttlMs: deps.directoryTtlMs } : {}),
  });
  const facts = new AccountFacts({ client: deps.client, tokens: deps.tokens, clock: deps.clock });
  const spec = openApiDocument(options.publicUrl);

  for (const prefix of ['/v1/unified/*', '/v1/tools/*', '/v1/proxy/*']) {
    app.use(prefix, async (c, next) => {
      const started = deps.clock.now();
      await next();
      const route = c.req.routePath.replace(/\/\*$/, '');
      deps.metrics.requests.inc({ route, status: String(c.res.status) });
      deps.metrics.requestSeconds.observe((deps.clock.now() - started) / 1000, {
        route: prefix.split('/')[2] ?? '',
      });
    });
    app.use(
      prefix,
      bodyLimit({
        maxSize: DATA_API_BODY_LIMIT,
        onError: () => {
          throw new ApiError(
            'request.body_too_large',
            `The body is larger than ${DATA_API_BODY_LIMIT} bytes.`,
          );
        },
      }),
    );
    app.use(prefix, dataApiAuth(verifier));
  }

  app.route('/v1/unified/user-directory', userDirectoryRoutes(deps, directory));
  app.route('/v1/tools', toolsRoutes(deps, { facts, directory }));
  app.route('/v1/proxy/harvest', proxyRoutes(deps));

  app.get('/openapi.json', (c) => c.json(spec));
  app.get('/reference', (c) =>
    c.html(REFERENCE_PAGE, 200, {
      'content-security-policy': REFERENCE_CSP,
      'referrer-policy': 'no-referrer',
    }),
  );
  app.get('/metrics', (c) =>
    c.text(deps.metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4' }),
  );
  return app;
}
