import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LoggedRequest, SandboxCredentials } from '@harvest-connect/sandbox';

/** A sandbox in a child process, driven through its HTTP control API (`/__sandbox/*`). */
export interface SandboxProcess {
  url: string;
  credentials(): Promise<SandboxCredentials>;
  requests(): Promise<LoggedRequest[]>;
  clearRequests(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts `sandbox-child.ts` with `tsx` and waits for its URL.
 *
 * @example
 * const sandbox = await spawnSandbox({ timeEntries: 200_000, rateWindowMs: 1000 });
 */
export async function spawnSandbox(options: Record<string, unknown>): Promise<SandboxProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./sandbox-child.ts', import.meta.url)),
      JSON.stringify(options),
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  const control = (path: string, init?: RequestInit) => fetch(`${url}/__sandbox${path}`, init);
  return {
    url,
    credentials: async () => (await (await control('/credentials')).json()) as SandboxCredentials,
    requests: async () =>
      ((await (await control('/requests')).json()) as { requests: LoggedRequest[] }).requests,
    clearRequests: async () => {
      await control('/requests', { method: 'DELETE' });
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}
