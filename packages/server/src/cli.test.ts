import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateKeySpec } from './crypto/key-ring';

const cwd = fileURLToPath(new URL('..', import.meta.url));

function cli(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd,
    env: { ...process.env, NODE_ENV: 'development', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('harvest-connect-server CLI', () => {
  it('admin commands: tenant, keys, webhook, origins, accounts, rotation', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hc-cli-'));
    const env = { HC_DATA_DIR: dataDir, HC_ENCRYPTION_KEYS: generateKeySpec(1) };
    const created = cli(
      ['admin', 'create-tenant', '--name', 'Acme', '--allowed-origin', 'https://app.acme.test', '--json'],
      env,
    );
    expect(created.status).toBe(0);
    const tenant = JSON.parse(created.stdout) as { tenant_id: string; api_key: string; api_key_id: string };
    expect(tenant.api_key).toMatch(/^hc_sk_/);
    const key = JSON.parse(
      cli(['admin', 'create-api-key', '--tenant', tenant.tenant_id, '--json'], env).stdout,
    );
    expect(key.api_key).toMatch(/^hc_sk_/);
    expect(
      JSON.parse(cli(['admin', 'revoke-api-key', '--key', key.api_key_id, '--json'], env).stdout),
    ).toMatchObject({ revoked: true });
    const hook = JSON.parse(
      cli(
        [
          'admin',
          'set-webhook-url',
          '--tenant',
          tenant.tenant_id,
          '--url',
          'https://hooks.acme.test/x',
          '--json',
        ],
        env,
      ).stdout,
    );
    expect(hook.webhook_secret).toMatch(/^whsec_/);
    const origins = cli(
      [
        'admin',
        'set-allowed-origins',
        '--tenant',
        tenant.tenant_id,
        '--allowed-origin',
        'https://a.test',
        '--allowed-origin',
        'http://localhost:5173',
        '--json',
      ],
      env,
    );
    expect(JSON.parse(origins.stdout).allowed_origins).toEqual(['https://a.test', 'http://localhost:5173']);
    expect(
      JSON.parse(cli(['admin', 'list-accounts', '--tenant', tenant.tenant_id, '--json'], env).stdout),
    ).toEqual([]);
    const rotated = cli(['admin', 'rotate-keys', '--json'], {
      ...env,
      HC_ENCRYPTION_KEYS: `${generateKeySpec(2)},${env.HC_ENCRYPTION_KEYS}`,
    });
    expect(JSON.parse(rotated.stdout)).toMatchObject({ key_version: 2, webhook_secrets: 1 });
    const bad = cli(
      [
        'admin',
        'set-allowed-origins',
        '--tenant',
        tenant.tenant_id,
        '--allowed-origin',
        'https://a.test/path',
      ],
      env,
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('scheme://host');
  }, 60_000);

  it('refuses bad configuration and a production start without a key, with exit status 2', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hc-cli-'));
    const badPort = cli(['--port', 'eighty', '--data-dir', dataDir]);
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain('HC_PORT / --port');
    const prod = cli(['serve', '--data-dir', dataDir], { NODE_ENV: 'production' });
    expect(prod.status).toBe(2);
    expect(prod.stderr).toContain('HC_ENCRYPTION_KEYS is required in production');
  }, 30_000);

  it('serve listens, answers /healthz, and stops on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hc-cli-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'serve', '--port', '0', '--data-dir', dataDir],
      {
        cwd,
        env: { ...process.env, NODE_ENV: 'development', HC_LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const first = String((await lines.next()).value);
    const url = /listening on (http:\/\/\S+)/.exec(first)![1]!;
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    const page = await fetch(`${url}/connect?link_token=nope`);
    expect(page.status).toBe(401);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});
