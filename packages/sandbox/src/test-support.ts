import type { SandboxOptions } from './core/options';
import { createSandbox, type Sandbox } from './create-sandbox';

/** A fixed start so tests never depend on the real date: Monday 2 June 2025, 09:00 UTC. */
export const TEST_NOW = Date.UTC(2025, 5, 2, 9, 0, 0);

/** A small frozen sandbox for tests. */
export function testSandbox(options: SandboxOptions = {}): Sandbox {
  return createSandbox({ seed: 'contract', now: TEST_NOW, ...options });
}

export type Who = 'administrator' | 'manager' | 'member';

/** Harvest headers for one of the seeded people. */
export function headersFor(sandbox: Sandbox, who: Who = 'administrator'): Record<string, string> {
  const cred = sandbox.credentials.personal_access_tokens.find((p) => p.access_role === who)!;
  return {
    Authorization: `Bearer ${cred.token}`,
    'Harvest-Account-Id': String(cred.account_id),
    'User-Agent': 'Contract tests (tests@example.com)',
  };
}

/** Calls the sandbox in process with JSON in and out. */
export async function call(
  sandbox: Sandbox,
  method: string,
  path: string,
  opts: { who?: Who; body?: unknown; headers?: Record<string, string> } = {},
  // biome-ignore lint/suspicious/noExplicitAny: contract tests read arbitrary Harvest JSON
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...headersFor(sandbox, opts.who), ...opts.headers };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await sandbox.app.request(path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // keep text
  }
  return { status: res.status, body, headers: res.headers };
}
