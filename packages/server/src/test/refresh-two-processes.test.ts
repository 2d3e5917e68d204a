import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { connectWithOAuth } from './flows';
import { createHarness, type Harness, tokenRequests } from './harness';

let h: Harness;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill();
  await h?.close();
});

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/** Starts the worker and resolves with a handle once it printed "ready". */
function startWorker(env: Record<string, string>) {
  child = spawn(process.execPath, ['--import', 'tsx', 'src/test/refresh-worker.ts'], {
    cwd: packageDir,
    env: { ...process.env, ...env, NODE_ENV: 'test' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value ?? '');
  return { next, go: () => child!.stdin!.write('go\n') };
}

describe('refresh across processes', () => {
  it('two server processes sharing one SQLite file -> exactly one token request, both get the new token', async () => {
    h = await createHarness({ loopback: true });
    const sandboxUrl = h.config.harvestIdUrl;
    const { session } = await connectWithOAuth(
      h,
      h.sandbox.credentials.personal_access_tokens[0]!.identity_id,
    );
    const accountId = session.result!.integrated_account_id;
    const old = (await h.server.tokens.get(accountId)).accessToken;
    expect(tokenRequests(h.sandbox)).toBe(1);

    const worker = startWorker({
      HC_DATA_DIR: h.dataDir,
      HC_ENCRYPTION_KEYS: h.keys,
      HARVEST_ID_URL: sandboxUrl,
      HARVEST_API_URL: sandboxUrl,
      HARVEST_CLIENT_ID: h.config.clientId!,
      HARVEST_CLIENT_SECRET: h.config.clientSecret!,
      HC_PUBLIC_URL: h.config.publicUrl,
      ACCOUNT_ID: accountId,
      COUNT: '25',
    });
    expect(await worker.next()).toBe('ready');

    // Make the stored token due for refresh on every process's real clock: rewrite its expiry in the shared
    // file, as if 14 days had passed.
    const cred = (await h.deps.store.getCredentials(accountId))!;
    await h.deps.store.updateCredentialsIfVersion(
      accountId,
      cred.version,
      { expires_at: Date.now() - 1 },
      Date.now(),
    );
    h.clock.now = Date.now();

    worker.go();
    const [mine, theirs] = await Promise.all([
      Promise.all(Array.from({ length: 25 }, () => h.server.tokens.get(accountId))),
      worker.next().then((line) => JSON.parse(line) as { tokens: string[] }),
    ]);
    expect(tokenRequests(h.sandbox)).toBe(2);
    const myTokens = [...new Set(mine.map((m) => m.accessToken))];
    expect(myTokens).toHaveLength(1);
    expect(theirs.tokens).toEqual(myTokens);
    expect(myTokens[0]).not.toBe(old);
  }, 30_000);
});
