import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { ConfigError, loadConfig, SETTINGS } from './config';
import { generateKeySpec, KeyRingError } from './crypto/key-ring';
import { rotateKeys } from './crypto/rotate-keys';
import { ApiError } from './errors';
import { createLogger } from './logger';
import { createServer } from './server';
import { toIntegratedAccount } from './services/accounts';
import { tenantAdmin } from './services/tenants';

const USAGE = `harvest-connect-server [serve] [--port 4000 --host 127.0.0.1 --data-dir .data ...]
harvest-connect-server admin <command> [options] [--json]
  create-tenant --name <n> --allowed-origin <origin> [--allowed-origin <origin> ...]
  create-api-key --tenant <tenant_id>
  revoke-api-key --key <api_key_id>
  set-webhook-url --tenant <tenant_id> (--url <https://...> | --clear)
  set-allowed-origins --tenant <tenant_id> --allowed-origin <origin> [...]
  list-tenants
  list-accounts --tenant <tenant_id> [--end-user-id <id>]
  list-webhook-deliveries --tenant <tenant_id>
  rotate-keys
  generate-key [--key-version <n>]
Configuration flags (also environment): ${Object.values(SETTINGS)
  .map((s) => `--${s.flag} (${s.env})`)
  .join(', ')}`;

const ADMIN_OPTIONS = {
  name: { type: 'string' },
  'allowed-origin': { type: 'string', multiple: true },
  tenant: { type: 'string' },
  key: { type: 'string' },
  url: { type: 'string' },
  clear: { type: 'boolean' },
  'end-user-id': { type: 'string' },
  'key-version': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

function splitArgs(argv: string[]) {
  const configFlags = new Set(Object.values(SETTINGS).map((s) => `--${s.flag}`));
  const config: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.split('=')[0]!;
    if (configFlags.has(name)) {
      config.push(arg);
      if (!arg.includes('=') && i + 1 < argv.length) config.push(argv[++i]!);
    } else rest.push(arg);
  }
  return { config, rest };
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new ApiError('request.invalid', `--${flag} is required`);
  return value;
}

async function admin(command: string | undefined, argv: string[], configArgs: string[]): Promise<unknown> {
  const { values: o } = parseArgs({
    args: argv,
    options: ADMIN_OPTIONS,
    strict: true,
    allowPositionals: false,
  });
  if (command === 'generate-key') return { key: generateKeySpec(Number(o['key-version'] ?? '1')) };
  const config = loadConfig(configArgs, process.env);
  const log = createLogger({ level: 'warn', destination: process.stderr });
  const server = createServer(config, { log });
  const { deps } = server;
  const tenants = tenantAdmin(deps);
  try {
    switch (command) {
      case 'create-tenant':
        return await tenants.createTenant(required(o.name, 'name'), o['allowed-origin'] ?? []);
      case 'create-api-key':
        return await tenants.createApiKey(required(o.tenant, 'tenant'));
      case 'revoke-api-key':
        return await tenants.revokeApiKey(required(o.key, 'key'));
      case 'set-webhook-url':
        return await tenants.setWebhookUrl(
          required(o.tenant, 'tenant'),
          o.clear ? null : required(o.url, 'url'),
        );
      case 'set-allowed-origins':
        return await tenants.setAllowedOrigins(required(o.tenant, 'tenant'), o['allowed-origin'] ?? []);
      case 'list-tenants':
        return (await deps.store.listTenants()).map(({ webhook_secret_sealed: _s, ...t }) => t);
      case 'list-accounts': {
        const tenant = await tenants.tenant(required(o.tenant, 'tenant'));
        const rows = await deps.store.listAccounts(tenant.id, { endUserId: o['end-user-id'], limit: 10_000 });
        return rows.map(toIntegratedAccount);
      }
      case 'list-webhook-deliveries': {
        const tenant = await tenants.tenant(required(o.tenant, 'tenant'));
        return (await deps.store.listDeliveries(tenant.id)).map(({ payload: _p, ...row }) => row);
      }
      case 'rotate-keys':
        return await rotateKeys(deps.store, deps.cipher, Date.now);
      default:
        throw new ApiError('request.invalid', `Unknown admin command ${command ?? ''}\n${USAGE}`);
    }
  } finally {
    await server.close();
  }
}

function runServe(configArgs: string[]): void {
  const config = loadConfig(configArgs, process.env);
  const server = createServer(config);
  const stopWebhooks = server.webhooks.start();
  const http = serve({ fetch: server.app.fetch, port: config.port, hostname: config.host }, (info) => {
    server.deps.log.info(
      { port: info.port, host: config.host, public_url: config.publicUrl },
      'harvest-connect-server listening',
    );
    // A machine-readable line for scripts that start the server with --port 0.
    process.stdout.write(`listening on http://${config.host}:${info.port}\n`);
  });
  const stop = () => {
    stopWebhooks();
    http.close(() => void server.close().then(() => process.exit(0)));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function main(argv: string[]): Promise<void> {
  const { config, rest } = splitArgs(argv);
  const [first, second, ...tail] = rest;
  if (first === '--help' || first === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (first === 'admin') {
    const result = await admin(second, tail, config);
    const json = tail.includes('--json');
    process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  if (first !== undefined && first !== 'serve')
    throw new ApiError('request.invalid', `Unknown command ${first}\n${USAGE}`);
  runServe([
    ...config,
    ...(first === 'serve' ? [second, ...tail] : rest).filter((a): a is string => a !== undefined),
  ]);
}

// A bare `--` is how package-manager scripts forward arguments (`pnpm run server -- --port 4001`), never an argument.
main(process.argv.slice(2).filter((arg) => arg !== '--')).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof KeyRingError || error instanceof ApiError) {
    process.stderr.write(`harvest-connect-server: ${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`harvest-connect-server: ${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`harvest-connect-server: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
