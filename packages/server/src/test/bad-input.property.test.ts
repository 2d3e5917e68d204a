import { ERROR_CODES } from '@harvest-connect/protocol';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintLinkToken, openPopup } from './flows';
import { APP_ORIGIN, createHarness, type Harness } from './harness';

let h: Harness;
let linkToken: string;
let sessionId: string;
let cookie: string;

beforeAll(async () => {
  h = await createHarness();
  linkToken = (await mintLinkToken(h)).link_token;
  const popup = await openPopup(h, (await mintLinkToken(h)).link_token);
  sessionId = popup.sessionId;
  cookie = [...popup.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
});
afterAll(async () => h?.server.close());

const weird = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    '\uD800',
    '../..',
    '%2e%2e%2f',
    '//evil.test',
    'a\r\nb',
    '🙂'.repeat(50),
    'x'.repeat(5000),
  ),
);

/** Percent-encodes anything, lone surrogates included (as a browser would: via UTF-8 with replacement). */
const enc = (s: string) =>
  [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

const segment = fc.oneof(
  weird,
  fc.constant('SESSION'),
  fc.constantFrom('cs_x', 'acc_x', 'pat', 'oauth', 'cancel', 'account'),
);

const path = fc.oneof(
  fc.constantFrom(
    '/v1/link-tokens',
    '/v1/connect-sessions',
    '/v1/integrated-accounts',
    '/v1/session-tokens',
    '/connect',
    '/connect/oauth/callback',
    '/healthz',
  ),
  segment.map((s) => `/v1/connect-sessions/${enc(s)}`),
  segment.map((s) => `/v1/integrated-accounts/${enc(s)}`),
  fc.tuple(segment, segment).map(([a, b]) => `/connect/sessions/${enc(a)}/${enc(b)}`),
  segment.map((s) => `/connect/sessions/${enc(s)}`),
  fc.array(segment, { maxLength: 3 }).map((parts) => `/${parts.map(enc).join('/')}`),
);

const query = fc.array(
  fc.tuple(
    fc.constantFrom('link_token', 'state', 'code', 'error', 'cursor', 'limit', 'end_user_id', 'x'),
    weird,
  ),
  { maxLength: 4 },
);

const body = fc.oneof(
  fc.constant(undefined),
  weird,
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        end_user_id: weird,
        origin: fc.oneof(weird, fc.constant(APP_ORIGIN)),
        integrated_account_id: weird,
        nonce: weird,
        mode: fc.oneof(weird, fc.constantFrom('popup', 'redirect')),
        return_url: weird,
        scopes: fc.array(weird, { maxLength: 3 }),
        expires_in: fc.oneof(fc.integer(), fc.double(), weird),
        token: weird,
        account_id: weird,
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.nat({ max: 5000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.constant('x'.repeat(70_000)),
);

const auth = fc.constantFrom('none', 'api', 'link', 'garbage', 'basic');

describe('every bad input -> a 4xx with a protocol code, never a 5xx', () => {
  it('holds over random requests to the public routes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS'),
        path,
        query,
        body,
        auth,
        fc.constantFrom(
          'application/json',
          'application/x-www-form-urlencoded',
          'text/plain',
          'multipart/form-data; boundary=x',
          '',
        ),
        fc.boolean(),
        async (method, p, q, b, a, contentType, withCookie) => {
          const search = q.map(([k, v]) => `${k}=${enc(v)}`).join('&');
          const headers: Record<string, string> = { origin: APP_ORIGIN, 'sec-fetch-site': 'same-origin' };
          if (contentType) headers['content-type'] = contentType;
          if (a === 'api') headers.authorization = `Bearer ${h.tenant.api_key}`;
          if (a === 'link') headers.authorization = `Bearer ${linkToken}`;
          if (a === 'garbage') headers.authorization = 'Bearer \u00ff\u00fe';
          if (a === 'basic') headers.authorization = 'Basic Zm9vOmJhcg==';
          if (withCookie) headers.cookie = cookie;
          const url = `${p.replace('SESSION', sessionId)}${search ? `?${search}` : ''}`;
          let res: Response;
          try {
            res = await h.app.request(url, {
              method,
              headers,
              body: method === 'GET' || method === 'OPTIONS' ? undefined : b,
            });
          } catch (error) {
            // The fetch layer itself refused the request (e.g. an invalid header byte): never reached us.
            if (error instanceof TypeError) return;
            throw error;
          }
          expect(res.status, `${method} ${url}`).toBeLessThan(500);
          if (res.status >= 400 && res.headers.get('content-type')?.includes('json')) {
            const payload = (await res.json()) as { error?: { code?: string } };
            expect(ERROR_CODES).toContain(payload.error?.code);
          }
        },
      ),
      { numRuns: 400 },
    );
  }, 120_000);
});

describe('named bad inputs', () => {
  const post = (body: string, contentType = 'application/json') =>
    h.app.request('/v1/link-tokens', {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tenant.api_key}`, 'content-type': contentType },
      body,
    });
  const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  it('maps each to its status and code', async () => {
    expect(await codeOf(await post('{"end_user_id":'))).toBe('request.invalid_json');
    expect((await post('x'.repeat(20_000))).status).toBe(413);
    expect((await post('{}', 'text/plain')).status).toBe(415);
    const nul = await post(JSON.stringify({ end_user_id: 'a\u0000b', origin: APP_ORIGIN }));
    expect(nul.status).toBe(400);
    expect(await codeOf(nul)).toBe('request.invalid');
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(1024)));
        controller.close();
      },
    });
    const streamed = await h.app.request('/v1/link-tokens', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${h.tenant.api_key}`,
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
      },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await codeOf(streamed)).toBe('request.body_too_large');
    const deep = await post(`${'['.repeat(3000)}${']'.repeat(3000)}`);
    expect(deep.status).toBe(400);
    const unknown = await h.app.request('/v1/nope');
    expect(unknown.status).toBe(404);
    expect(await codeOf(unknown)).toBe('request.not_found');
    const limit = await h.app.request('/v1/integrated-accounts?limit=-1', {
      headers: { authorization: `Bearer ${h.tenant.api_key}` },
    });
    expect(limit.status).toBe(400);
    const cursor = await h.app.request('/v1/integrated-accounts?cursor=bm9wZQ', {
      headers: { authorization: `Bearer ${h.tenant.api_key}` },
    });
    expect(await codeOf(cursor)).toBe('request.invalid');
  });
});
