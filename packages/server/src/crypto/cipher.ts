import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyRing } from './key-ring';

/**
 * Thrown when a sealed value does not open: wrong row, tampered bytes, or an unknown key version.
 *
 * @example
 * try { cipher.open(sealed, 'credentials:acc_2'); } catch (e) { if (e instanceof UnsealError) markUnreadable(); }
 */
export class UnsealError extends Error {
  override name = 'UnsealError';
}

/**
 * AES-256-GCM with the row's identity and the key version as additional authenticated data, so a ciphertext
 * copied to another row (or relabelled with another key version) fails to open. Sealed form:
 * `v<keyVersion>.<iv>.<tag>.<ciphertext>`, base64url parts.
 *
 * @example
 * const cipher = createCipher(ring);
 * const sealed = cipher.seal('secret', 'credentials:acc_1');
 * cipher.open(sealed, 'credentials:acc_1'); // 'secret'
 */
export interface Cipher {
  seal(plaintext: string, identity: string): string;
  open(sealed: string, identity: string): string;
  /** The key version a sealed value was made with (for rotation). */
  versionOf(sealed: string): number;
  readonly currentVersion: number;
}

function aad(identity: string, version: number): Buffer {
  return Buffer.from(`harvest-connect|${identity}|k${version}`, 'utf8');
}

/**
 * The `Cipher` over a key ring: seals with the current key, opens with the version the value names.
 *
 * @example
 * const cipher = createCipher(parseKeyRing(process.env.HC_ENCRYPTION_KEYS ?? ''));
 */
export function createCipher(ring: KeyRing): Cipher {
  return {
    currentVersion: ring.current.version,
    seal(plaintext, identity) {
      const { version, key } = ring.current;
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(aad(identity, version));
      const data = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
      const parts = [iv, c.getAuthTag(), data].map((b) => b.toString('base64url'));
      return `v${version}.${parts.join('.')}`;
    },
    open(sealed, identity) {
      const match = /^v(\d+)\.([\w-]+)\.([\w-]+)\.([\w-]*)$/.exec(sealed);
      if (!match) throw new UnsealError('sealed value is malformed');
      const version = Number(match[1]);
      const key = ring.byVersion.get(version);
      if (!key) throw new UnsealError(`no key v${version} in HC_ENCRYPTION_KEYS`);
      const iv = Buffer.from(match[2]!, 'base64url');
      const tag = Buffer.from(match[3]!, 'base64url');
      if (iv.length !== 12 || tag.length !== 16) throw new UnsealError('sealed value is malformed');
      try {
        const d = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
        d.setAAD(aad(identity, version));
        d.setAuthTag(tag);
        return Buffer.concat([d.update(Buffer.from(match[4]!, 'base64url')), d.final()]).toString('utf8');
      } catch {
        throw new UnsealError('sealed value failed authentication');
      }
    },
    versionOf(sealed) {
      const match = /^v(\d+)\./.exec(sealed);
      if (!match) throw new UnsealError('sealed value is malformed');
      return Number(match[1]);
    },
  };
}
