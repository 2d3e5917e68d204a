import type { Cipher } from '../crypto/cipher';

/** What is sealed in a credentials row. A personal access token has no refresh token. */
export interface HarvestSecrets {
  access_token: string;
  refresh_token: string | null;
}

/** The AAD identity of an account's credentials: a sealed value moved to another row does not open. */
export function credentialIdentity(accountId: string): string {
  return `credentials:${accountId}`;
}

/**
 * Seals Harvest secrets for one account's row.
 *
 * @example
 * const sealed = sealSecrets(cipher, 'acc_1', { access_token, refresh_token });
 */
export function sealSecrets(cipher: Cipher, accountId: string, secrets: HarvestSecrets): string {
  return cipher.seal(JSON.stringify(secrets), credentialIdentity(accountId));
}

/** Opens an account's sealed secrets; throws `UnsealError` when the row was tampered with or moved. */
export function openSecrets(cipher: Cipher, accountId: string, sealed: string): HarvestSecrets {
  return JSON.parse(cipher.open(sealed, credentialIdentity(accountId))) as HarvestSecrets;
}
