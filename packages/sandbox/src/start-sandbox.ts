import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { SandboxOptions } from './core/options';
import { createSandbox, type Sandbox } from './create-sandbox';

/** A sandbox listening on a port. */
export interface StartedSandbox extends Sandbox {
  /** e.g. `http://127.0.0.1:4010` (the real port when 0 was asked for). */
  url: string;
  close(): Promise<void>;
}

/**
 * Creates a sandbox and serves it with `@hono/node-server`.
 *
 * @example
 * const sandbox = await startSandbox({ port: 0 });
 * await fetch(`${sandbox.url}/__sandbox/credentials`);
 * await sandbox.close();
 */
export function startSandbox(
  options: SandboxOptions & { port?: number; host?: string } = {},
): Promise<StartedSandbox> {
  const { port = 4010, host = '127.0.0.1', ...rest } = options;
  const sandbox = createSandbox(rest);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: sandbox.app.fetch, port, hostname: host }, (info: AddressInfo) => {
      const shown = info.address.includes(':') ? `[${info.address}]` : info.address;
      const started = Object.create(sandbox) as StartedSandbox;
      Object.defineProperties(started, {
        url: { value: `http://${shown}:${info.port}`, enumerable: true },
        close: {
          value: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            }),
        },
      });
      resolve(started);
    });
    server.once('error', reject);
  });
}
