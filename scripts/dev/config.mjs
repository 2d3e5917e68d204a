// Where each process of the local stack listens and keeps its data. Every value has a default, so `npm start`
// needs no configuration; the browser journeys pass other ports and a throwaway data directory.
import { isAbsolute, join, resolve } from 'node:path';
import { root } from '../ensure.mjs';

/**
 * Reads the stack's settings from the environment.
 *
 * @example
 * const config = stackConfig(process.env); // sandbox 4010, server 4000, demo 5173, data in .data/
 */
export function stackConfig(env = process.env) {
  const host = '127.0.0.1';
  const port = (name, fallback) => Number(env[name] ?? fallback);
  const dataDir = env.STACK_DATA_DIR
    ? isAbsolute(env.STACK_DATA_DIR)
      ? env.STACK_DATA_DIR
      : resolve(root, env.STACK_DATA_DIR)
    : join(root, '.data');
  const sandboxPort = port('SANDBOX_PORT', 4010);
  const serverPort = port('SERVER_PORT', 4000);
  const demoPort = port('DEMO_PORT', 5173);
  return {
    host,
    dataDir,
    sandboxPort,
    serverPort,
    demoPort,
    sandboxUrl: `http://${host}:${sandboxPort}`,
    serverUrl: `http://${host}:${serverPort}`,
    demoUrl: `http://${host}:${demoPort}`,
    logLevel: env.HC_LOG_LEVEL ?? 'warn',
  };
}
