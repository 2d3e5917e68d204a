import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../server';
import { connectWithOAuth, mintLinkToken, openPopup } from './flows';
import { APP_ORIGIN, createHarness, type Harness, harvestRequests } from './harness';

let h: Harness;
afterEach(async () => h?.server.close());

const start = (linkToken: string, nonce = 'nonce-12345678', origin = APP_ORIGIN) =>
  h.app.request('/v1/connect-sessions', {
    method: 'POST',
    headers: { authorization: `Bearer ${linkToken}`, origin, 'content-type': 'application/json' },
    body: JSON.stringify({ nonce, mode: 'popup' }),
  });

async function codeOf(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describe('link tokens (RELIABILITY.md "Link tokens")', () => {
  it('expired -> 401 and no Harvest call, in the API and on the popup page', async () => {
    h = await createHarness();
    const link = await mintLinkToken(h);
    h.clock.now += 10 * 60_000 + 1;
    const res = await start(link.link_token);
    expect(res.status).toBe(401);
    expect(await codeOf(res)).toBe('link_token.expired');
    const page = await h.app.request(`/connect?link_token=${link.link_token}`);
    expect(page.status).toBe(401);
    const expiredHtml = await page.text();
    expect(expiredHtml).toContain('This link has expired');
    expect(expiredHtml).toContain('data-error-code="link_token.expired"');
    expect(harvestRequests(h.sandbox)).toBe(0);
  });

  it('one session per token: the same nonce gets the same session, anything else is link_token.used', async () => {
    h = await createHarness();
    const link = await mintLinkToken(h);
    const a = (await (await start(link.link_token)).json()) as { session: { id: string } };
    const again = await start(link.link_token);
    expect(again.status).toBe(201);
    expect(((await again.json()) as { session: { id: string } }).session.id).toBe(a.session.id);
    const other = await start(link.link_token, 'another-nonce-1');
    expect(other.status).toBe(409);
    expect(await codeOf(other)).toBe('link_token.used');
  });

  it('a reconnect start naming another account than the token was minted for -> 400 link_token.invalid', async () => {
    h = await createHarness();
    const { session } = await connectWithOAuth(
      h,
      h.sandbox.credentials.personal_access_tokens[0]!.identity_id,
    );
    const accountId = session.result!.integrated_account_id;
    const plain = await mintLinkToken(h);
    const post = (token: string, integrated_account_id: string) =>
      h.app.request('/v1/connect-sessions', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, origin: APP_ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ nonce: 'nonce-12345678', mode: 'popup', integrated_account_id }),
      });
    const wrong = await post(plain.link_token, accountId);
    expect(wrong.status).toBe(400);
    expect(await codeOf(wrong)).toBe('link_token.invalid');
    const repair = await mintLinkToken(h, { integrated_account_id: accountId });
    expect((await post(repair.link_token, accountId)).status).toBe(201);
  });

  it('polling keeps working after the link token expires; a session pending past its lifetime ends as an error', async () => {
    h = await createHarness();
    const link = await mintLinkToken(h);
    const { session } = (await (await start(link.link_token)).json()) as { session: { id: string } };
    h.clock.now += 11 * 60_000;
    const poll = () =>
      h.app.request(`/v1/connect-sessions/${session.id}`, {
        headers: { authorization: `Bearer ${link.link_token}` },
      });
    expect(((await (await poll()).json()) as { status: string }).status).toBe('pending');
    h.clock.now += 20 * 60_000;
    expect(await (await poll()).json()).toMatchObject({
      status: 'error',
      error: { code: 'connect_session.expired' },
    });
    const other = await mintLinkToken(h);
    const foreign = await h.app.request(`/v1/connect-sessions/${session.id}`, {
      headers: { authorization: `Bearer ${other.link_token}` },
    });
    expect(foreign.status).toBe(404);
  });

  it('the binding cookie is Secure when the public URL is https', async () => {
    h = await createHarness({ config: { publicUrl: 'https://connect.acme.test' } });
    const link = await mintLinkToken(h);
    expect(link.connect_url.startsWith('https://connect.acme.test/connect?link_token=')).toBe(true);
    const res = await h.app.request(`/connect?link_token=${link.link_token}`);
    expect(res.headers.get('set-cookie')).toMatch(
      /^hc_popup=[\w-]{43}; Max-Age=3600; Path=\/connect; HttpOnly; Secure; SameSite=Lax$/,
    );
  });

  it('a popup that opened before the SDK call: the session adopts the nonce, and a second browser is refused', async () => {
    h = await createHarness();
    const link = await mintLinkToken(h);
    const { sessionId, browser, sessionPath } = await openPopup(h, link.link_token);
    const started = await start(link.link_token, 'late-nonce-123');
    expect(started.status).toBe(201);
    expect(((await started.json()) as { session: { id: string } }).session.id).toBe(sessionId);
    expect((await start(link.link_token, 'third-nonce-12')).status).toBe(409);
    await browser.post(`${sessionPath}/cancel`);
    expect(await (await browser.get(sessionPath)).text()).toContain('data-nonce="late-nonce-123"');
    const stranger = await h.app.request(`/connect?link_token=${link.link_token}`);
    expect(stranger.status).toBe(409);
  });

  it('reused after a finished connect -> rejected', async () => {
    h = await createHarness();
    const { link } = await connectWithOAuth(h, h.sandbox.credentials.personal_access_tokens[0]!.identity_id);
    const page = await h.app.request(`/connect?link_token=${link.link_token}`);
    expect(page.status).toBe(409);
    expect(await codeOf(await start(link.link_token, 'fresh-nonce-99'))).toBe('link_token.used');
  });

  it("tenant A's token or account with tenant B's key -> 404/403", async () => {
    h = await createHarness();
    const other = await h.admin.createTenant('Beta', ['https://beta.test']);
    const bHeaders = { authorization: `Bearer ${other.api_key}`, 'content-type': 'application/json' };
    const { session } = await connectWithOAuth(
      h,
      h.sandbox.credentials.personal_access_tokens[0]!.identity_id,
    );
    const accountId = session.result!.integrated_account_id;
    const get = await h.app.request(`/v1/integrated-accounts/${accountId}`, { headers: bHeaders });
    expect(get.status).toBe(404);
    expect(await codeOf(get)).toBe('integrated_account.not_found');
    const del = await h.app.request(`/v1/integrated-accounts/${accountId}`, {
      method: 'DELETE',
      headers: bHeaders,
    });
    expect(del.status).toBe(404);
    const reconnect = await h.app.request('/v1/link-tokens', {
      method: 'POST',
      headers: bHeaders,
      body: JSON.stringify({
        end_user_id: 'user-1',
        origin: 'https://beta.test',
        integrated_account_id: accountId,
      }),
    });
    expect(reconnect.status).toBe(404);
    const foreignOrigin = await h.app.request('/v1/link-tokens', {
      method: 'POST',
      headers: bHeaders,
      body: JSON.stringify({ end_user_id: 'user-1', origin: APP_ORIGIN }),
    });
    expect(foreignOrigin.status).toBe(403);
    expect(await codeOf(foreignOrigin)).toBe('link_token.origin_not_allowed');
    const session2 = await h.app.request(`/v1/session-tokens`, {
      method: 'POST',
      headers: bHeaders,
      body: JSON.stringify({ integrated_account_id: accountId }),
    });
    expect(session2.status).toBe(404);
    // A link token is not an API key, and the other way round.
    const link = await mintLinkToken(h);
    const asKey = await h.app.request('/v1/integrated-accounts', {
      headers: { authorization: `Bearer ${link.link_token}` },
    });
    expect(await codeOf(asKey)).toBe('auth.invalid_api_key');
    expect(await codeOf(await start(other.api_key))).toBe('link_token.invalid');
  });

  it('malformed, truncated, wrong prefix, or in the query string of a data call -> rejected', async () => {
    h = await createHarness();
    const link = await mintLinkToken(h);
    const t = link.link_token;
    for (const bad of [
      t.slice(0, -1),
      `${t}A`,
      t.replace('hc_lt_', 'hc_st_'),
      'hc_lt_',
      'x',
      `${t.slice(0, -1)}!`,
    ]) {
      const res = await start(bad);
      expect(res.status).toBe(401);
      expect(await codeOf(res)).toBe('link_token.invalid');
      const page = await h.app.request(`/connect?link_token=${encodeURIComponent(bad)}`);
      expect(page.status).toBe(401);
      expect(await page.text()).toContain('This link is not valid');
    }
    const inQuery = await h.app.request(`/v1/connect-sessions/cs_x?link_token=${t}`, {
      headers: { origin: APP_ORIGIN },
    });
    expect(inQuery.status).toBe(401);
    expect(await codeOf(inQuery)).toBe('link_token.invalid');
    const twice = await h.app.request(`/connect?link_token=${t}&link_token=${t}`);
    expect(twice.status).toBe(400);
  });

  it('only hashes in the database', async () => {
    h = await createHarness();
    const link = await mintLinkToken(h);
    await openPopup(h, link.link_token);
    const bytes = readFileSync(join(h.dataDir, DB_FILE)).toString('latin1');
    const wal = readFileSync(join(h.dataDir, `${DB_FILE}-wal`)).toString('latin1');
    for (const secret of [
      link.link_token,
      link.link_token.slice(6),
      h.tenant.api_key,
      h.tenant.api_key.slice(6),
    ]) {
      expect(bytes).not.toContain(secret);
      expect(wal).not.toContain(secret);
    }
  });

  it('CORS: only the recorded origin is allowed; a preflight from another origin gets no allow header', async () => {
    h = await createHarness();
    const link = await mintLinkToken(h);
    const preflight = (origin: string) =>
      h.app.request('/v1/connect-sessions', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization',
        },
      });
    const good = await preflight(APP_ORIGIN);
    expect(good.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const evil = await preflight('https://evil.test');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const fromEvil = await start(link.link_token, 'nonce-12345678', 'https://evil.test');
    expect(fromEvil.status).toBe(403);
    expect(fromEvil.headers.get('access-control-allow-origin')).toBeNull();
    expect(await codeOf(fromEvil)).toBe('auth.origin_denied');
    const bad = await h.app.request('/v1/connect-sessions', {
      method: 'POST',
      headers: { authorization: `Bearer ${link.link_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ nonce: 'nonce-12345678', mode: 'redirect', return_url: 'https://evil.test/x' }),
    });
    expect(bad.status).toBe(400);
  });
});
