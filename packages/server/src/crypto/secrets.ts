import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A random secret with a recognisable prefix (`hc_lt_...`): 32 random bytes, base64url.
 *
 * @example
 * const token = newSecret('hc_lt_'); // 'hc_lt_3q2-...'
 */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** A short random id with a type prefix, for rows (`acc_...`, `cs_...`). Not a secret. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/** SHA-256 hex of a high-entropy secret; only these hashes are stored (a slow hash adds nothing at 256 bits). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of two strings. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The shape every secret we mint has: prefix + 43 base64url characters. */
export function looksLikeSecret(value: string, prefix: string): boolean {
  return (
    value.length === prefix.length + 43 &&
    value.startsWith(prefix) &&
    /^[\w-]+$/.test(value.slice(prefix.length))
  );
}
