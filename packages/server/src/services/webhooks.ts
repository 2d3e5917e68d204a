import { createHmac } from 'node:crypto';
import {
  type IntegratedAccount,
  WEBHOOK_SIGNATURE_HEADER,
  type WebhookEvent,
  type WebhookEventType,
} from '@harvest-connect/protocol';
import { newId } from '../crypto/secrets';
import type { Deps } from './deps';

/** Delays before the 2nd, 3rd, ... attempt; after the last one the delivery is marked `failed`. */
export const WEBHOOK_BACKOFF_MS = [10_000, 60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];

/**
 * The header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` (defined in the protocol).
 *
 * @example
 * verifyWebhook(secret, req.headers.get(SIGNATURE_HEADER), rawBody);
 */
export const SIGNATURE_HEADER = WEBHOOK_SIGNATURE_HEADER;

/**
 * The signature of one delivery: HMAC-SHA256 with the tenant's webhook secret over `${timestamp}.${body}`.
 * Receivers recompute it and reject timestamps older than a few minutes (replay).
 *
 * @example
 * signWebhook(secret, 1733300000, body); // 't=1733300000,v1=5f2c...'
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

export function webhookSecretIdentity(tenantId: string): string {
  return `webhook-secret:${tenantId}`;
}

/**
 * Webhooks to the product's backend: `emit` records a delivery (the log) and tries it at once;
 * `deliverDue` retries what is due with backoff. Delivery runs in the background: a slow receiver never
 * holds up a connect flow.
 *
 * @example
 * await webhooks.emit(tenantId, 'account.connected', account);
 */
export function createWebhooks(deps: Deps) {
  let running: Promise<void> | null = null;

  async function attempt(id: string): Promise<void> {
    const row = await deps.store.getDelivery(id);
    if (row?.status !== 'pending') return;
    const tenant = await deps.store.getTenant(row.tenant_id);
    const now = deps.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      if (!tenant?.webhook_secret_sealed) throw new Error('tenant has no webhook secret');
      const secret = deps.cipher.open(tenant.webhook_secret_sealed, webhookSecretIdentity(tenant.id));
      const res = await deps.webhookFetch(row.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'harvest-connect-webhooks',
          'harvest-connect-event': row.event_type,
          'harvest-connect-delivery': row.id,
          [SIGNATURE_HEADER]: signWebhook(secret, Math.floor(now / 1000), row.payload),
        },
        body: row.payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      status = res.status;
      await res.body?.cancel();
    } catch (e) {
      error = (e as Error).name === 'TimeoutError' ? 'timeout' : 'network error';
    }
    const attempts = row.attempts + 1;
    const ok = status !== null && status >= 200 && status < 300;
    const delay = WEBHOOK_BACKOFF_MS[attempts - 1];
    await deps.store.updateDelivery(row.id, {
      attempts,
      last_status: status,
      last_error: ok ? null : (error ?? `status ${status}`),
      status: ok ? 'delivered' : delay === undefined ? 'failed' : 'pending',
      next_attempt_at: ok || delay === undefined ? null : now + delay,
      updated_at: now,
    });
    if (!ok) deps.log.warn({ delivery_id: row.id, attempts, status, error }, 'webhook delivery failed');
  }

  async function deliverDue(): Promise<void> {
    // One sweep at a time per process; a second caller waits for the running one.
    if (running) return running;
    running = (async () => {
      try {
        for (const row of await deps.store.dueDeliveries(deps.now(), 50)) await attempt(row.id);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    async emit(tenantId: string, type: WebhookEventType, account: IntegratedAccount): Promise<void> {
      const tenant = await deps.store.getTenant(tenantId);
      if (!tenant?.webhook_url) return;
      const now = deps.now();
      const event: WebhookEvent = {
        id: newId('evt'),
        type,
        created_at: new Date(now).toISOString(),
        data: { integrated_account: account },
      };
      const id = newId('whd');
      await deps.store.insertDelivery({
        id,
        tenant_id: tenantId,
        event_id: event.id,
        event_type: type,
        payload: JSON.stringify(event),
        url: tenant.webhook_url,
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        last_status: null,
        last_error: null,
        created_at: now,
        updated_at: now,
      });
      void attempt(id).catch((e) => deps.log.error({ err: e }, 'webhook attempt crashed'));
    },
    deliverDue,
    /** Starts the retry sweep; returns a stop function. */
    start(intervalMs = 5_000): () => void {
      const timer = setInterval(() => {
        deliverDue().catch((e) => deps.log.error({ err: e }, 'webhook sweep crashed'));
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

export type Webhooks = ReturnType<typeof createWebhooks>;
