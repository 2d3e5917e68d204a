import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Browser, pathOf } from './browser';
import { authorizeAtSandbox, mintLinkToken, openPopup, pollSession } from './flows';
import { createHarness, type Harness, type HarnessOptions, sandboxFetch, tokenRequests } from './harness';

let h: Harness;
afterEach(async () => h?.server.close());

/** Runs the flow up to Harvest's redirect back, without following it. */
async function upToCallback(options: HarnessOptions = {}) {
  h = await createHarness(options);
  const link = await mintLinkToken(h);
  const { browser, sessionId, sessionPath } = await openPopup(h, link.link_token);
  const person = h.sandbox.credentials.personal_access_tokens[0]!.identity_id;
  const callback = await authorizeAtSandbox(h, browser, sessionId, person);
  const url = new URL(callback, 'http://x.invalid');
  return {
    link,
    browser,
    sessionId,
    sessionPath,
    callback,
    state: url.searchParams.get('state')!,
    code: url.searchParams.get('code')!,
  };
}

async function accountCount(): Promise<number> {
  const res = await h.app.request('/v1/integrated-accounts', { headers: h.apiHeaders });
  return ((await res.json()) as { result: unknown[] }).result.length;
}

describe('callback and exchange (RELIABILITY.md "Callback and exchange")', () => {
  it('missing, unknown or forged state -> a clear page, no exchange', async () => {
    const { browser, code } = await upToCallback();
    for (const query of [
      `code=${code}`,
      `state=${randomBytes(32).toString('base64url')}&code=${code}`,
      'state=short&code=x',
    ]) {
      const res = await browser.get(`/connect/oauth/callback?${query}`);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('This sign-in link is not valid');
    }
    expect(tokenRequests(h.sandbox)).toBe(0);
  });

  it('the same state twice, even concurrently -> exactly one exchange', async () => {
    const { browser, callback, link, sessionId } = await upToCallback();
    const results = await Promise.all([browser.get(callback), browser.get(callback), browser.get(callback)]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 400, 400]);
    expect(tokenRequests(h.sandbox)).toBe(1);
    expect((await pollSession(h, link.link_token, sessionId)).status).toBe('success');
    expect((await browser.get(callback)).status).toBe(400);
    expect(tokenRequests(h.sandbox)).toBe(1);
    expect(await accountCount()).toBe(1);
  });

  it('a valid state without its cookie is refused', async () => {
    const { callback, link, sessionId } = await upToCallback();
    const stranger = new Browser(h.app);
    const res = await stranger.get(callback);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('another browser window');
    expect(tokenRequests(h.sandbox)).toBe(0);
    expect((await pollSession(h, link.link_token, sessionId)).status).toBe('pending');
  });

  it('a state past its 10-minute lifetime is refused and ends the session', async () => {
    const { browser, callback, link, sessionId } = await upToCallback();
    h.clock.now += 10 * 60_000 + 1;
    const res = await browser.get(callback);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('took too long');
    expect(tokenRequests(h.sandbox)).toBe(0);
    const session = await pollSession(h, link.link_token, sessionId);
    expect(session).toMatchObject({ status: 'error', error: { code: 'oauth.state_expired' } });
  });

  it('duplicated parameters, code and error together, a huge code -> oauth.invalid_callback, no exchange', async () => {
    const { browser, state, code } = await upToCallback();
    for (const query of [
      `state=${state}&state=${state}&code=${code}`,
      `state=${state}&code=${code}&code=${code}`,
      `state=${state}&code=${code}&error=access_denied`,
      `state=${state}&code=${'a'.repeat(5000)}`,
      `state=${state}`,
      `state=${state}&error=${'<script>'}`,
    ]) {
      const res = await browser.get(`/connect/oauth/callback?${query}`);
      expect(res.status).toBe(400);
    }
    expect(tokenRequests(h.sandbox)).toBe(0);
  });

  it('invalid_grant at the token endpoint -> terminal error, one POST, no account', async () => {
    const { browser, state, code, link, sessionId } = await upToCallback();
    const res = await browser.get(`/connect/oauth/callback?state=${state}&code=${code}x`);
    expect(res.status).toBe(303);
    expect(tokenRequests(h.sandbox)).toBe(1);
    const session = await pollSession(h, link.link_token, sessionId);
    expect(session).toMatchObject({ status: 'error', error: { code: 'oauth.code_exchange_failed' } });
    expect(await accountCount()).toBe(0);
    const page = await (await browser.get(pathOf(res.headers.get('location')))).text();
    expect(page).toContain('data-status="error"');
  });

  for (const fault of [
    { name: '500', faults: { errorRate: 1, errorStatus: 500 } },
    { name: '503', faults: { errorRate: 1, errorStatus: 503 } },
    { name: 'reset', faults: { resetConnections: 1 } },
    { name: 'timeout', faults: { latencyMs: 400 } },
  ]) {
    it(`token endpoint ${fault.name} -> no second POST of the code and no half-made account`, async () => {
      const { browser, callback, link, sessionId } = await upToCallback({
        server: { harvestTimeoutMs: 150 },
      });
      h.sandbox.control.setFaults({ pathPrefix: '/api/v2/oauth2/token', ...fault.faults });
      expect((await browser.get(callback)).status).toBe(303);
      h.sandbox.control.clearFaults();
      if (fault.name === 'timeout') await new Promise((r) => setTimeout(r, 400)); // let the slow request land in the log
      expect(tokenRequests(h.sandbox)).toBe(1);
      const session = await pollSession(h, link.link_token, sessionId);
      expect(session).toMatchObject({ status: 'error', error: { code: 'oauth.code_exchange_failed' } });
      expect(await accountCount()).toBe(0);
    });
  }

  for (const [name, rewrite] of [
    [
      'an HTML body',
      () => new Response('<html>oops</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    ],
    ['no refresh_token', (b: Record<string, unknown>) => Response.json({ ...b, refresh_token: undefined })],
    ['a bad expires_in', (b: Record<string, unknown>) => Response.json({ ...b, expires_in: 'soon' })],
    ['a negative expires_in', (b: Record<string, unknown>) => Response.json({ ...b, expires_in: -5 })],
  ] as const) {
    it(`a malformed token response (${name}) -> error, no account, nothing stored`, async () => {
      // The sandbox performs the real exchange; only its answer is damaged on the way back.
      const holder: { h?: Harness } = {};
      const damaging = (async (input: string | URL | Request, init?: RequestInit) => {
        const res = await sandboxFetch(
          holder.h!.sandbox,
          'http://id.sandbox.test',
          'http://api.sandbox.test',
        )(input, init);
        if (!String(input).endsWith('/api/v2/oauth2/token')) return res;
        return rewrite((await res.json()) as Record<string, unknown>);
      }) as typeof fetch;
      const { browser, callback, link, sessionId } = await upToCallback({
        server: { harvestFetch: damaging },
      });
      holder.h = h;
      expect((await browser.get(callback)).status).toBe(303);
      expect(tokenRequests(h.sandbox)).toBe(1);
      expect((await pollSession(h, link.link_token, sessionId)).error?.code).toBe(
        'oauth.code_exchange_failed',
      );
      expect(await accountCount()).toBe(0);
    });
  }
});
