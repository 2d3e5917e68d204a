import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What Acme keeps about its Harvest Connect tenant (in its own data directory, never sent to a browser). */
export interface TenantFile {
  tenant_id: string;
  api_key: string;
  origins: string[];
}

/**
 * Creates Acme's tenant with the server's admin CLI (`admin create-tenant`), against the server's data
 * directory (`HC_DATA_DIR`), exactly as an operator would run it once.
 */
function createTenantWithCli(origins: string[]): TenantFile {
  const require = createRequire(import.meta.url);
  // `exports` maps `.` to src/index.ts: its directory's parent is the package.
  const serverDir = dirname(dirname(require.resolve('@harvest-connect/server')));
  const args = ['admin', 'create-tenant', '--name', 'Acme Projects', '--json'];
  for (const origin of origins) args.push('--allowed-origin', origin);
  // The CLI's TypeScript source, run by this Node with tsx's loader (as `npm start` runs the server).
  const loader = pathToFileURL(require.resolve('tsx/esm')).href;
  const result = spawnSync(
    process.execPath,
    ['--import', loader, join(serverDir, 'src', 'cli.ts'), ...args],
    {
      cwd: serverDir,
      env: process.env,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`create-tenant failed: ${result.stderr}`);
  const created = JSON.parse(result.stdout) as { tenant_id: string; api_key: string };
  return { tenant_id: created.tenant_id, api_key: created.api_key, origins };
}

/**
 * Loads Acme's tenant from `<dataDir>/tenant.json`, or creates it when missing, when its origins changed, or
 * when the server no longer accepts its key (its database was wiped).
 *
 * @example
 * const tenant = await ensureTenant({ dataDir: '.data/demo', serverUrl, origins: ['http://127.0.0.1:5173'] });
 */
export async function ensureTenant(options: {
  dataDir: string;
  serverUrl: string;
  origins: string[];
  create?: (origins: string[]) => TenantFile;
  fetch?: typeof fetch;
}): Promise<TenantFile> {
  const file = join(options.dataDir, 'tenant.json');
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as TenantFile;
    const sameOrigins = options.origins.every((o) => saved.origins.includes(o));
    const res = await (options.fetch ?? fetch)(`${options.serverUrl}/v1/integrated-accounts?limit=1`, {
      headers: { authorization: `Bearer ${saved.api_key}` },
    });
    if (sameOrigins && res.ok) return saved;
  }
  const tenant = (options.create ?? createTenantWithCli)(options.origins);
  mkdirSync(options.dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(tenant, null, 2)}\n`, { mode: 0o600 });
  return tenant;
}
