// Acme's backend and the demo site on one port: `/api/*` and the static script-tag page are served here, every
// other path by Vite in middleware mode (so there is no proxy to configure and one process to start).
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { acmeApi } from './api';
import { harvestConnectApi } from './harvest-connect-api';
import { ensureTenant } from './tenant';

const demoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.ACME_PORT ?? 5173);
const publicUrl = (process.env.ACME_PUBLIC_URL ?? `http://127.0.0.1:${port}`).replace(/\/+$/, '');
const serverUrl = (process.env.HC_SERVER_URL ?? 'http://127.0.0.1:4000').replace(/\/+$/, '');
const dataDir = resolve(process.env.ACME_DATA_DIR ?? join(demoDir, '..', '..', '.data', 'demo'));
const iifeFile = join(demoDir, '..', '..', 'packages', 'connect', 'dist', 'connect.iife.js');

const tenant = await ensureTenant({ dataDir, serverUrl, origins: [new URL(publicUrl).origin] });
const hc = harvestConnectApi({ serverUrl, apiKey: tenant.api_key });

const app = new Hono();
app.route(
  '/api',
  acmeApi({
    hc,
    origin: new URL(publicUrl).origin,
    config: { server_url: serverUrl, sandbox_url: process.env.SANDBOX_URL ?? null },
  }),
);
// The no-build page and the SDK's script-tag bundle, as any static host would serve them.
app.get('/script-tag.html', (c) => c.html(readFileSync(join(demoDir, 'static', 'script-tag.html'), 'utf8')));
app.get('/vendor/connect.iife.js', (c) =>
  existsSync(iifeFile)
    ? c.body(readFileSync(iifeFile, 'utf8'), 200, { 'content-type': 'text/javascript; charset=utf-8' })
    : c.text('Build it first: pnpm --filter @harvest-connect/connect build (npm start does).', 404),
);
const handleApi = getRequestListener(app.fetch);
const ours = (url: string) =>
  url.startsWith('/api/') || url === '/script-tag.html' || url.startsWith('/vendor/');

const http = createServer();
const { createServer: createVite } = await import('vite');
const vite = await createVite({
  root: demoDir,
  configFile: join(demoDir, 'vite.config.ts'),
  server: { middlewareMode: true, hmr: { server: http } },
  appType: 'spa',
});
http.on('request', (req, res) => {
  if (ours(req.url ?? '/')) void handleApi(req, res);
  else vite.middlewares(req, res);
});
http.listen(port, '127.0.0.1', () => console.log(`Acme Projects on ${publicUrl}`));

const stop = () => {
  http.close();
  void vite.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
