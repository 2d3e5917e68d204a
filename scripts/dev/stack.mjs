// Starts the local stack: the Harvest sandbox, the Harvest Connect server pointed at it (its OAuth client is
// the sandbox's default one), and the Acme demo. `npm start` runs it in the foreground; the browser journeys
// run it as their web server, on other ports and a throwaway data directory.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../ensure.mjs';
import { startChild, waitForHttp } from './child.mjs';
import { stackConfig } from './config.mjs';
import { ensureConnectIife } from './connect-iife.mjs';

// Node itself with tsx's loader (not the tsx CLI, which would put a wrapper process between us and the one to
// stop): every child is one process, so stopping it leaves nothing behind.
const tsLoader = ['--import', import.meta.resolve('tsx/esm')];
const node = (script) => [...tsLoader, script];

/**
 * Starts sandbox, server and demo; resolves once all three answer. `stop()` ends them all.
 *
 * @example
 * const stack = await startStack(stackConfig(process.env));
 * console.log(stack.config.demoUrl);
 * await stack.stop();
 */
export async function startStack(config, { quiet = false } = {}) {
  const children = [];
  const stop = () => Promise.all(children.reverse().map((c) => c.stop()));
  try {
    const iife = ensureConnectIife();
    const sandbox = startChild(
      'sandbox',
      process.execPath,
      node(join(root, 'scripts', 'dev', 'sandbox-main.mjs')),
      {
        env: { SANDBOX_PORT: String(config.sandboxPort), SERVER_URL: config.serverUrl },
        quiet,
      },
    );
    children.push(sandbox);
    await waitForHttp(`${config.sandboxUrl}/__sandbox/settings`, sandbox);
    const credentials = await (await fetch(`${config.sandboxUrl}/__sandbox/credentials`)).json();

    const server = startChild('server', process.execPath, [...node('src/cli.ts'), 'serve'], {
      cwd: join(root, 'packages', 'server'),
      env: {
        HARVEST_ID_URL: config.sandboxUrl,
        HARVEST_API_URL: config.sandboxUrl,
        HARVEST_CLIENT_ID: credentials.oauth_client.client_id,
        HARVEST_CLIENT_SECRET: credentials.oauth_client.client_secret,
        HC_PUBLIC_URL: config.serverUrl,
        HC_HOST: config.host,
        HC_PORT: String(config.serverPort),
        HC_DATA_DIR: join(config.dataDir, 'server'),
        HC_LOG_LEVEL: config.logLevel,
      },
      quiet,
    });
    children.push(server);
    await Promise.all([waitForHttp(`${config.serverUrl}/healthz`, server), iife]);

    const demo = startChild('demo', process.execPath, node('server/main.ts'), {
      cwd: join(root, 'apps', 'demo'),
      env: {
        ACME_PORT: String(config.demoPort),
        ACME_PUBLIC_URL: config.demoUrl,
        ACME_DATA_DIR: join(config.dataDir, 'demo'),
        HC_SERVER_URL: config.serverUrl,
        HC_DATA_DIR: join(config.dataDir, 'server'),
        SANDBOX_URL: config.sandboxUrl,
      },
      quiet,
    });
    children.push(demo);
    await waitForHttp(`${config.demoUrl}/api/health`, demo);
    return { config, children, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Runs the stack until Ctrl-C (or SIGTERM), then stops every child. With `fresh`, the data directory is wiped
 * first (the browser journeys start from nothing).
 *
 * @example
 * await runStack(stackConfig(process.env));
 */
export async function runStack(config, { fresh = false, onReady } = {}) {
  if (fresh) rmSync(config.dataDir, { recursive: true, force: true });
  const started = Date.now();
  const stack = await startStack(config);
  let stopping = false;
  const shutdown = async (code) => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  // One child dying takes the stack down: a half-running demo only confuses.
  for (const child of stack.children) {
    void child.exited.then(({ code, signal }) => {
      if (stopping) return;
      console.error(`${child.name} stopped unexpectedly (${code ?? signal}); stopping the others.`);
      void shutdown(1);
    });
  }
  onReady?.(stack, Date.now() - started);
  return stack;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const config = stackConfig(process.env);
  await runStack(config, {
    fresh: process.env.STACK_FRESH === '1',
    onReady: (_, ms) => console.log(`stack ready in ${ms} ms: ${config.demoUrl}`),
  });
}
