import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HARVEST_HOSTS } from '@harvest-connect/protocol';
import { z } from 'zod';

/**
 * Every setting, its environment name and its flag (the flag mirrors the environment name).
 *
 * @example
 * SETTINGS.clientId.env; // 'HARVEST_CLIENT_ID', also accepted as --harvest-client-id
 */
export const SETTINGS = {
  harvestIdUrl: { env: 'HARVEST_ID_URL', flag: 'harvest-id-url' },
  harvestApiUrl: { env: 'HARVEST_API_URL', flag: 'harvest-api-url' },
  clientId: { env: 'HARVEST_CLIENT_ID', flag: 'harvest-client-id' },
  clientSecret: { env: 'HARVEST_CLIENT_SECRET', flag: 'harvest-client-secret' },
  userAgent: { env: 'HARVEST_USER_AGENT', flag: 'harvest-user-agent' },
  publicUrl: { env: 'HC_PUBLIC_URL', flag: 'public-url' },
  host: { env: 'HC_HOST', flag: 'host' },
  port: { env: 'HC_PORT', flag: 'port' },
  dataDir: { env: 'HC_DATA_DIR', flag: 'data-dir' },
  encryptionKeys: { env: 'HC_ENCRYPTION_KEYS', flag: 'encryption-keys' },
  logLevel: { env: 'HC_LOG_LEVEL', flag: 'log-level' },
} as const;

type SettingName = keyof typeof SETTINGS;

const httpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .transform((u) => u.replace(/\/+$/, ''));

const schema = z.object({
  harvestIdUrl: httpUrl.default(HARVEST_HOSTS.id),
  harvestApiUrl: httpUrl.default(HARVEST_HOSTS.api),
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
  userAgent: z.string().min(3).default('Harvest Connect (https://github.com/harvest-connect)'),
  // Pages redirect to absolute paths (/connect/...), so the server must own the whole origin.
  publicUrl: httpUrl
    .refine(
      (u) => new URL(u).pathname === '/' && !new URL(u).search,
      'must be an origin, without a path or query',
    )
    .optional(),
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(4000),
  dataDir: z.string().min(1).default('.data'),
  encryptionKeys: z.string().min(1).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  production: z.boolean(),
});

/** The validated configuration of one server process. */
export interface Config extends Omit<z.output<typeof schema>, 'publicUrl'> {
  /** Where browsers reach this server; the OAuth callback is `${publicUrl}/connect/oauth/callback`. */
  publicUrl: string;
}

/**
 * Thrown for a bad configuration; the CLI prints the message and exits with status 2.
 *
 * @example
 * if (error instanceof ConfigError) console.error(error.message);
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the configuration from flags (first) and the environment, validates it and fills the defaults.
 *
 * @example
 * const config = loadConfig(process.argv.slice(2), process.env);
 * // config.port === 4000, config.harvestIdUrl === 'https://id.getharvest.com'
 */
export function loadConfig(
  argv: string[],
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): Config {
  const options = Object.fromEntries(
    Object.values(SETTINGS).map((s) => [s.flag, { type: 'string' as const }]),
  );
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const raw: Record<string, unknown> = { production: env.NODE_ENV === 'production' };
  for (const [name, s] of Object.entries(SETTINGS) as Array<[SettingName, (typeof SETTINGS)[SettingName]]>) {
    const value = flags[s.flag] ?? env[s.env];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = issue.path[0] as SettingName | undefined;
      const where = key && key in SETTINGS ? `${SETTINGS[key].env} / --${SETTINGS[key].flag}` : 'config';
      return `  ${where}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const shownHost = c.host === '0.0.0.0' || c.host === '::' ? '127.0.0.1' : c.host;
  return {
    ...c,
    dataDir: resolve(cwd, c.dataDir),
    publicUrl: c.publicUrl ?? `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${c.port}`,
  };
}
