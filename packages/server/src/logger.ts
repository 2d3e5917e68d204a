import pino, { type DestinationStream, type Logger } from 'pino';

const SECRET_KEYS = [
  'access_token',
  'refresh_token',
  'client_secret',
  'clientSecret',
  'code',
  'code_verifier',
  'verifier',
  'state',
  'link_token',
  'linkToken',
  'api_key',
  'apiKey',
  'session_token',
  'sessionToken',
  'token',
  'pat',
  'password',
  'secret',
  'webhook_secret',
  'encryptionKeys',
  'authorization',
  'Authorization',
  'cookie',
  'Cookie',
  'set-cookie',
];

/**
 * Every path pino blanks out, at the top level and up to two levels deep.
 *
 * @example
 * pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
 */
export const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

/**
 * The server's structured logger. Secrets are redacted by key wherever they sit (two levels deep); code never
 * logs a URL with its query string, where link tokens and OAuth codes travel.
 *
 * @example
 * const log = createLogger({ level: 'info' });
 * log.info({ account_id }, 'token refreshed');
 */
export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'harvest-connect-server' },
    },
    options.destination,
  );
}

export type { Logger };
