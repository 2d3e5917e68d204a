import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * For the product's backend: checks a `Harvest-Connect-Signature` header against the raw body and the tenant's
 * webhook secret, in constant time, refusing timestamps older (or newer) than `toleranceSeconds` (replays).
 *
 * @example
 * const ok = verifyWebhook(process.env.HC_WEBHOOK_SECRET!, req.headers['harvest-connect-signature'], rawBody);
 */
export function verifyWebhook(
  secret: string,
  header: string | null | undefined,
  rawBody: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const timestamp = Number(match[1]);
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}
