import { credentialIdentity } from '../services/credentials';
import { webhookSecretIdentity } from '../services/webhooks';
import type { Store } from '../store/store';
import type { Cipher } from './cipher';

/**
 * Re-seals every stored secret that is not under the current key (credentials fenced by their version, so a
 * concurrent refresh wins over the rotation). Old keys must stay in `HC_ENCRYPTION_KEYS` until this has run.
 *
 * @example
 * const { credentials, webhook_secrets } = await rotateKeys(store, cipher, Date.now);
 */
export async function rotateKeys(store: Store, cipher: Cipher, now: () => number) {
  let credentials = 0;
  let skipped = 0;
  for (const row of await store.listCredentials()) {
    if (cipher.versionOf(row.sealed) === cipher.currentVersion) continue;
    const identity = credentialIdentity(row.account_id);
    const sealed = cipher.seal(cipher.open(row.sealed, identity), identity);
    if (await store.updateCredentialsIfVersion(row.account_id, row.version, { sealed }, now())) credentials++;
    else skipped++;
  }
  let webhookSecrets = 0;
  for (const tenant of await store.listTenants()) {
    const sealed = tenant.webhook_secret_sealed;
    if (!sealed || cipher.versionOf(sealed) === cipher.currentVersion) continue;
    const identity = webhookSecretIdentity(tenant.id);
    await store.updateTenant(tenant.id, {
      webhook_secret_sealed: cipher.seal(cipher.open(sealed, identity), identity),
    });
    webhookSecrets++;
  }
  return {
    key_version: cipher.currentVersion,
    credentials,
    webhook_secrets: webhookSecrets,
    skipped_concurrent: skipped,
  };
}
