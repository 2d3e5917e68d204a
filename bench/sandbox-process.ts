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

/** Starts a `tsx` script as a child and waits for the `{"url"}` line it prints. */
export async function spawnChild(
  script: string,
  options: unknown,
): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), JSON.stringify(options)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}

/**
 * Starts `sandbox-child.ts` with `tsx` and waits for its URL.
 *
 * @example
 * const sandbox = await spawnSandbox({ timeEntries: 200_000, rateWindowMs: 1000 });
 */
export async function spawnSandbox(options: Record<string, unknown>): Promise<SandboxProcess> {
  const { url, close } = await spawnChild('./sandbox-child.ts', options);
  const control = (path: string, init?: RequestInit) => fetch(`${url}/__sandbox${path}`, init);
  return {
    url,
    credentials: async () => (await (await control('/credentials')).json()) as SandboxCredentials,
    requests: async () =>
      ((await (await control('/requests')).json()) as { requests: LoggedRequest[] }).requests,
    clearRequests: async () => {
      await control('/requests', { method: 'DELETE' });
    },
    close,
  };
}
