import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { generateKeySpec } from '../crypto/key-ring';
import { rotateKeys } from '../crypto/rotate-keys';
import { createServer, DB_FILE } from '../server';
import { openSecrets } from '../services/credentials';
import { connectWithOAuth } from './flows';
import { createHarness, type Harness, harvestRequests } from './harness';

let h: Harness;
afterEach(async () => h?.server.close());

function flipByte(sealed: string, part: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x80;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

/** Writes straight into the SQLite file, as an attacker or a bad disk would. */
function tamper(sql: string, ...args: unknown[]) {
  const db = new Database(join(h.dataDir, DB_FILE));
  db.pragma('busy_timeout = 5000');
  db.prepare(sql).run(...args);
  db.close();
}

describe('storage (RELIABILITY.md "Storage")', () => {
  it('a flipped byte in IV, tag or ciphertext fails closed, again and again, without a crash or a Harvest call', async () => {
    h = await createHarness();
    const { session } = await connectWithOAuth(
      h,
      h.sandbox.credentials.personal_access_tokens[0]!.identity_id,
    );
    const id = session.result!.integrated_account_id;
    const good = (await h.deps.store.getCredentials(id))!.sealed;
    for (const part of [1, 2, 3]) {
      tamper('UPDATE credentials SET sealed = ? WHERE account_id = ?', flipByte(good, part), id);
      const before = harvestRequests(h.sandbox);
      for (let i = 0; i < 3; i++) {
        await expect(h.server.tokens.get(id)).rejects.toMatchObject({
          code: 'credentials.unreadable',
          status: 409,
        });
      }
      expect(harvestRequests(h.sandbox)).toBe(before);
    }
    tamper('UPDATE credentials SET sealed = ? WHERE account_id = ?', good, id);
    expect((await h.server.tokens.get(id)).accountId).toBe(id);
    expect(h.logs.join('')).toContain('credentials do not decrypt');
  });

  it("a ciphertext copied to another account's row is rejected", async () => {
    h = await createHarness();
    const [admin, manager] = h.sandbox.credentials.personal_access_tokens;
    const a = (await connectWithOAuth(h, admin!.identity_id)).session.result!.integrated_account_id;
    const b = (await connectWithOAuth(h, manager!.identity_id, { end_user_id: 'user-2' })).session.result!
      .integrated_account_id;
    const sealedA = (await h.deps.store.getCredentials(a))!.sealed;
    tamper('UPDATE credentials SET sealed = ? WHERE account_id = ?', sealedA, b);
    await expect(h.server.tokens.get(b)).rejects.toMatchObject({ code: 'credentials.unreadable' });
    expect((await h.server.tokens.get(a)).accountId).toBe(a);
  });

  it('key rotation v1 -> v2 keeps old rows readable, then re-encrypts them under v2', async () => {
    const v1 = generateKeySpec(1);
    h = await createHarness({ keys: v1 });
    const { session } = await connectWithOAuth(
      h,
      h.sandbox.credentials.personal_access_tokens[0]!.identity_id,
    );
    const id = session.result!.integrated_account_id;
    await h.admin.setWebhookUrl(h.tenant.tenant_id, 'https://hooks.acme.test/x');
    const token = (await h.server.tokens.get(id)).accessToken;
    await h.server.close();

    const v2 = generateKeySpec(2);
    const both = createServer(
      { ...h.config, encryptionKeys: `${v2},${v1}` },
      { log: h.deps.log, harvestFetch: h.deps.harvest.fetch },
    );
    expect((await both.tokens.get(id)).accessToken).toBe(token); // old row, still readable
    expect(both.deps.cipher.versionOf((await both.deps.store.getCredentials(id))!.sealed)).toBe(1);
    const report = await rotateKeys(both.deps.store, both.deps.cipher, Date.now);
    expect(report).toMatchObject({ key_version: 2, credentials: 1, webhook_secrets: 1 });
    expect(both.deps.cipher.versionOf((await both.deps.store.getCredentials(id))!.sealed)).toBe(2);
    expect(await rotateKeys(both.deps.store, both.deps.cipher, Date.now)).toMatchObject({ credentials: 0 });
    await both.close();

    const onlyV2 = createServer(
      { ...h.config, encryptionKeys: v2 },
      { log: h.deps.log, harvestFetch: h.deps.harvest.fetch },
    );
    expect((await onlyV2.tokens.get(id)).accessToken).toBe(token);
    await onlyV2.close();
    const onlyV1 = createServer(
      { ...h.config, encryptionKeys: v1 },
      { log: h.deps.log, harvestFetch: h.deps.harvest.fetch },
    );
    await expect(onlyV1.tokens.get(id)).rejects.toMatchObject({ code: 'credentials.unreadable' });
    await onlyV1.close();
  });

  it('production without a key, or with a short key, refuses to start', async () => {
    h = await createHarness();
    await h.server.close();
    expect(() => createServer({ ...h.config, production: true, encryptionKeys: undefined })).toThrow(
      /required in production/,
    );
    expect(() => createServer({ ...h.config, production: true, encryptionKeys: 'v1:c2hvcnQ=' })).toThrow(
      /32 bytes/,
    );
  });

  it('no Harvest token, refresh token, client secret, code or PAT in the SQLite file, the logs or any response', async () => {
    h = await createHarness();
    const bodies: string[] = [];
    const request = h.app.request.bind(h.app);
    h.app.request = (async (...args: Parameters<typeof request>) => {
      const res = await request(...args);
      bodies.push(JSON.stringify([...res.headers]), await res.clone().text());
      return res;
    }) as typeof request;
    const admin = h.sandbox.credentials.personal_access_tokens[0]!;
    const { session, browser, code } = await connectWithOAuth(h, admin.identity_id);
    const id = session.result!.integrated_account_id;
    h.clock.now += 15 * 86_400_000;
    await h.server.tokens.get(id); // a refresh, so two generations of tokens exist
    const pat = h.sandbox.credentials.personal_access_tokens[1]!;
    const link = await h.app.request('/v1/link-tokens', {
      method: 'POST',
      headers: h.apiHeaders,
      body: JSON.stringify({ end_user_id: 'user-9', origin: 'https://app.acme.test' }),
    });
    const { link_token } = (await link.json()) as { link_token: string };
    const opened = await browser.get(`/connect?link_token=${link_token}`);
    await browser.post(`${new URL(opened.headers.get('location')!, 'http://x').pathname}/pat`, {
      token: pat.token,
      account_id: String(pat.account_id),
    });
    await h.app.request(`/v1/integrated-accounts?end_user_id=user-9`, { headers: h.apiHeaders });

    const secrets = [h.config.clientSecret!, pat.token, code!];
    const cred = (await h.deps.store.getCredentials(id))!;
    const { access_token, refresh_token } = openSecrets(h.deps.cipher, id, cred.sealed);
    secrets.push(access_token, refresh_token!);
    const file =
      readFileSync(join(h.dataDir, DB_FILE)).toString('latin1') +
      readFileSync(join(h.dataDir, `${DB_FILE}-wal`)).toString('latin1');
    const logs = h.logs.join('\n');
    const responses = bodies.join('\n');
    expect(responses).toContain('integrated_account_id');
    for (const secret of secrets) {
      expect(file).not.toContain(secret);
      expect(logs).not.toContain(secret);
      expect(responses).not.toContain(secret);
    }
  });
});
