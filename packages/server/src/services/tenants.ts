import { TOKEN_PREFIXES } from '@harvest-connect/protocol';
import { hashSecret, newId, newSecret } from '../crypto/secrets';
import { ApiError } from '../errors';
import type { TenantRow } from '../store/store';
import type { Deps } from './deps';
import { webhookSecretIdentity } from './webhooks';

/** Normalises and checks an allowed origin: scheme + host (+ port), nothing else. */
export function parseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ApiError('request.invalid', `Not an origin: ${JSON.stringify(value.slice(0, 100))}`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.origin !== value.replace(/\/$/, '')) {
    throw new ApiError(
      'request.invalid',
      `An origin is scheme://host[:port] with nothing after it: ${value.slice(0, 100)}`,
    );
  }
  return url.origin;
}

/**
 * Admin operations behind the CLI. Secrets (API keys, webhook secrets) are returned once and stored hashed
 * (API keys) or sealed (webhook secrets, which we must be able to sign with).
 *
 * @example
 * const { tenant_id, api_key } = await tenantAdmin(deps).createTenant('Acme', ['https://app.acme.test']);
 */
export function tenantAdmin(deps: Deps) {
  async function tenant(id: string): Promise<TenantRow> {
    const row = await deps.store.getTenant(id);
    if (!row) throw new ApiError('request.not_found', `No tenant ${id}`);
    return row;
  }

  async function createApiKey(tenantId: string): Promise<{ api_key_id: string; api_key: string }> {
    await tenant(tenantId);
    const apiKey = newSecret(TOKEN_PREFIXES.apiKey);
    const id = newId('key');
    await deps.store.insertApiKey({
      id,
      tenant_id: tenantId,
      key_hash: hashSecret(apiKey),
      created_at: deps.now(),
      revoked_at: null,
    });
    return { api_key_id: id, api_key: apiKey };
  }

  return {
    async createTenant(name: string, origins: string[]) {
      const id = newId('ten');
      await deps.store.insertTenant({
        id,
        name,
        allowed_origins: [...new Set(origins.map(parseOrigin))],
        webhook_url: null,
        webhook_secret_sealed: null,
        created_at: deps.now(),
      });
      const key = await createApiKey(id);
      return { tenant_id: id, ...key };
    },
    createApiKey,
    async revokeApiKey(apiKeyId: string) {
      if (!(await deps.store.revokeApiKey(apiKeyId, deps.now()))) {
        throw new ApiError('request.not_found', `No active API key ${apiKeyId}`);
      }
      return { api_key_id: apiKeyId, revoked: true };
    },
    async setAllowedOrigins(tenantId: string, origins: string[]) {
      await tenant(tenantId);
      const allowed = [...new Set(origins.map(parseOrigin))];
      await deps.store.updateTenant(tenantId, { allowed_origins: allowed });
      return { tenant_id: tenantId, allowed_origins: allowed };
    },
    /** Sets (or clears, with null) the webhook URL; a new signing secret is made and shown once. */
    async setWebhookUrl(tenantId: string, url: string | null) {
      await tenant(tenantId);
      if (url === null) {
        await deps.store.updateTenant(tenantId, { webhook_url: null, webhook_secret_sealed: null });
        return { tenant_id: tenantId, webhook_url: null };
      }
      const parsed = URL.canParse(url) ? new URL(url) : null;
      if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
        throw new ApiError('request.invalid', 'The webhook URL must be an http(s) URL.');
      }
      const secret = newSecret('whsec_');
      await deps.store.updateTenant(tenantId, {
        webhook_url: parsed.toString(),
        webhook_secret_sealed: deps.cipher.seal(secret, webhookSecretIdentity(tenantId)),
      });
      return { tenant_id: tenantId, webhook_url: parsed.toString(), webhook_secret: secret };
    },
    tenant,
  };
}
