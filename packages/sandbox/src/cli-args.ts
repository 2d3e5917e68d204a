import { parseArgs } from 'node:util';
import type { SandboxOptions } from './core/options';
import type { OAuthClient } from './store/auth-store';

/** What the CLI starts: sandbox options plus where to listen. */
export type CliOptions = SandboxOptions & { port: number; host: string };

export const USAGE = `Usage: harvest-sandbox [options]

  --port <n>                 port (default 4010; 0 picks a free one)
  --host <addr>              interface (default 127.0.0.1)
  --seed <text>              seed of the generated data (default "harvest")
  --scale small|large        24 users / 3,000 entries, or 10,000 users / 1,000,000 entries
  --users <n>                explicit user count (wins over --scale)
  --time-entries <n>         explicit time entry count (wins over --scale)
  --rate-window-ms <n>       rate-limit window (default 15000; reports use 60x)
  --timestamp-timers         start the company in timestamp-timer mode
  --access-token-lifetime <s> OAuth access-token lifetime in seconds (default 1209599)
  --no-refresh-rotation      keep refresh tokens valid after use
  --no-retry-after           answer 429 without Retry-After
  --no-control               do not serve /__sandbox/*
  --client-id <id>           default OAuth client id     (env HARVEST_SANDBOX_CLIENT_ID)
  --client-secret <secret>   default OAuth client secret (env HARVEST_SANDBOX_CLIENT_SECRET)
  --redirect-uri <url>       default OAuth redirect URL  (env HARVEST_SANDBOX_REDIRECT_URI)
  --extra-client <id,secret,redirect_uri>  register another client (repeatable;
                             env HARVEST_SANDBOX_EXTRA_CLIENTS="id,secret,url;id2,secret2,url2")
  --help                     show this text`;

function int(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}`);
  return n;
}

function client(spec: string): OAuthClient {
  const [clientId, clientSecret, redirectUri, ...rest] = spec.split(',');
  if (!clientId || !clientSecret || !redirectUri || rest.length || !URL.canParse(redirectUri)) {
    throw new Error(`Bad client "${spec}": expected id,secret,redirect_uri`);
  }
  return { clientId, clientSecret, redirectUri, name: clientId };
}

/**
 * Parses CLI flags (and HARVEST_SANDBOX_* environment variables) into options; throws on bad input.
 *
 * @example
 * parseCliArgs(['--port', '0', '--scale', 'large'], {});
 */
export function parseCliArgs(argv: string[], env: Record<string, string | undefined>): CliOptions | 'help' {
  const { values: v } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      users: { type: 'string' },
      'time-entries': { type: 'string' },
      'rate-window-ms': { type: 'string' },
      'timestamp-timers': { type: 'boolean' },
      'access-token-lifetime': { type: 'string' },
      'no-refresh-rotation': { type: 'boolean' },
      'no-retry-after': { type: 'boolean' },
      'no-control': { type: 'boolean' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'redirect-uri': { type: 'string' },
      'extra-client': { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
  });
  if (v.help) return 'help';
  if (v.scale !== undefined && v.scale !== 'small' && v.scale !== 'large')
    throw new Error('--scale must be small or large');
  const extra = [
    ...(env.HARVEST_SANDBOX_EXTRA_CLIENTS?.split(';').filter(Boolean) ?? []),
    ...(v['extra-client'] ?? []),
  ];
  const defaultClient: Partial<OAuthClient> = {};
  const id = v['client-id'] ?? env.HARVEST_SANDBOX_CLIENT_ID;
  const secret = v['client-secret'] ?? env.HARVEST_SANDBOX_CLIENT_SECRET;
  const redirect = v['redirect-uri'] ?? env.HARVEST_SANDBOX_REDIRECT_URI;
  if (id) defaultClient.clientId = id;
  if (secret) defaultClient.clientSecret = secret;
  if (redirect) {
    if (!URL.canParse(redirect)) throw new Error('--redirect-uri must be a URL');
    defaultClient.redirectUri = redirect;
  }
  return {
    port: int('port', v.port, 0) ?? 4010,
    host: v.host ?? '127.0.0.1',
    seed: v.seed,
    scale: v.scale as 'small' | 'large' | undefined,
    users: int('users', v.users, 3),
    timeEntries: int('time-entries', v['time-entries'], 0),
    rateWindowMs: int('rate-window-ms', v['rate-window-ms'], 1),
    timestampTimers: v['timestamp-timers'] ?? false,
    accessTokenLifetimeSeconds: int('access-token-lifetime', v['access-token-lifetime'], 1),
    refreshRotation: !v['no-refresh-rotation'],
    retryAfter: !v['no-retry-after'],
    control: !v['no-control'],
    defaultClient,
    clients: extra.map(client),
  };
}
