import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One AES-256 key and its version number (`v2` -> 2). */
export interface VersionedKey {
  version: number;
  key: Buffer;
}

/** The keys credentials may be sealed with: `current` seals, every key opens what it sealed. */
export interface KeyRing {
  current: VersionedKey;
  byVersion: ReadonlyMap<number, Buffer>;
}

/**
 * Thrown for a malformed `HC_ENCRYPTION_KEYS` (or a missing one in production).
 *
 * @example
 * parseKeyRing('v1:short'); // throws KeyRingError: key v1 must be 32 bytes
 */
export class KeyRingError extends Error {
  override name = 'KeyRingError';
}

/**
 * Parses `HC_ENCRYPTION_KEYS`: comma-separated `v<n>:<base64 of 32 bytes>`, the first one seals new data.
 *
 * @example
 * const ring = parseKeyRing('v2:' + k2 + ',v1:' + k1); // ring.current.version === 2
 */
export function parseKeyRing(spec: string): KeyRing {
  const byVersion = new Map<number, Buffer>();
  let current: VersionedKey | undefined;
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^v(\d{1,6}):([A-Za-z0-9+/_-]+={0,2})$/.exec(part);
    if (!match) throw new KeyRingError('HC_ENCRYPTION_KEYS: each entry must look like v1:<base64 key>');
    const version = Number(match[1]);
    const key = Buffer.from(match[2]!, 'base64');
    if (key.length !== 32) {
      throw new KeyRingError(`HC_ENCRYPTION_KEYS: key v${version} must be 32 bytes (got ${key.length})`);
    }
    if (byVersion.has(version)) throw new KeyRingError(`HC_ENCRYPTION_KEYS: v${version} is listed twice`);
    byVersion.set(version, key);
    current ??= { version, key };
  }
  if (!current) throw new KeyRingError('HC_ENCRYPTION_KEYS is empty');
  return { current, byVersion };
}

/**
 * A fresh key entry, printable for `HC_ENCRYPTION_KEYS`.
 *
 * @example
 * generateKeySpec(2); // 'v2:<base64 of 32 random bytes>'
 */
export function generateKeySpec(version: number): string {
  return `v${version}:${randomBytes(32).toString('base64')}`;
}

/**
 * Loads the key ring for a server process. Production without `HC_ENCRYPTION_KEYS` refuses to start; development
 * creates (once) `<dataDir>/dev-encryption.key` and calls `warn` loudly every boot, because that key sits next to
 * the data it protects.
 *
 * @example
 * const ring = loadKeyRing({ spec: process.env.HC_ENCRYPTION_KEYS, production: false, dataDir, warn: log.warn });
 */
export function loadKeyRing(options: {
  spec: string | undefined;
  production: boolean;
  dataDir: string;
  warn: (message: string) => void;
}): KeyRing {
  if (options.spec) return parseKeyRing(options.spec);
  if (options.production) {
    throw new KeyRingError(
      'HC_ENCRYPTION_KEYS is required in production (NODE_ENV=production). Generate one with: ' +
        'harvest-connect-server admin generate-key',
    );
  }
  const file = join(options.dataDir, 'dev-encryption.key');
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(file, `${generateKeySpec(1)}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  options.warn(
    `DEVELOPMENT ENCRYPTION KEY IN USE (${file}). Harvest tokens are encrypted with a key stored beside the ` +
      'database. Set HC_ENCRYPTION_KEYS before storing real credentials.',
  );
  return parseKeyRing(readFileSync(file, 'utf8').trim());
}
