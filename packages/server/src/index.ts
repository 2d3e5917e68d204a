/**
 * `@harvest-connect/server`: the thin token-exchange backend. Most people run the CLI
 * (`harvest-connect-server`); these exports let you embed it in your own Node process.
 *
 * @example
 * import { createServer, loadConfig } from '@harvest-connect/server';
 * const server = createServer(loadConfig([], process.env));
 * export default { fetch: server.app.fetch };
 */
export { createApp } from './app';
export { type Config, ConfigError, loadConfig, SETTINGS } from './config';
export { type Cipher, createCipher, UnsealError } from './crypto/cipher';
export { generateKeySpec, type KeyRing, KeyRingError, loadKeyRing, parseKeyRing } from './crypto/key-ring';
export { rotateKeys } from './crypto/rotate-keys';
export { ApiError, statusOf } from './errors';
export { createLogger, REDACT_PATHS } from './logger';
export { createServer, DB_FILE, type Server, type ServerOverrides } from './server';
export type { Deps } from './services/deps';
export { createTokenProvider, type HarvestAccess, type TokenProvider } from './services/token-provider';
export { verifyWebhook } from './services/verify-webhook';
export { SIGNATURE_HEADER, signWebhook } from './services/webhooks';
export { openSqliteStore } from './store/sqlite-store';
export type { LockStore, Store } from './store/store';
