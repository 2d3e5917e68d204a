import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
}

/**
 * The product backend's side of webhooks, as a test double of *our own* customer (not of Harvest): records
 * deliveries and can answer with a failing status for a while.
 */
export function createWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  let failures = 0;
  const receiver = {
    url: 'https://hooks.acme.test/harvest-connect',
    received,
    /** The next `n` deliveries answer 500. */
    failNext(n: number) {
      failures = n;
    },
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      const headers: Record<string, string> = {};
      new Headers(init?.headers).forEach((v, k) => {
        headers[k] = v;
      });
      if (failures > 0) {
        failures--;
        return new Response('nope', { status: 500 });
      }
      expect(String(input)).toBe(receiver.url);
      received.push({ headers, body: String(init?.body) });
      return new Response(null, { status: 204 });
    }) as typeof fetch,
    /** Verifies `Harvest-Connect-Signature: t=..,v1=..` the way a receiver should. */
    verify(secret: string, r: ReceivedWebhook): boolean {
      const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(r.headers['harvest-connect-signature'] ?? '');
      if (!match) return false;
      const mac = createHmac('sha256', secret).update(`${match[1]}.${r.body}`).digest();
      return timingSafeEqual(mac, Buffer.from(match[2]!, 'hex'));
    },
  };
  return receiver;
}

function expect(a: string) {
  return {
    toBe(b: string) {
      if (a !== b) throw new Error(`webhook sent to ${a}, expected ${b}`);
    },
  };
}
