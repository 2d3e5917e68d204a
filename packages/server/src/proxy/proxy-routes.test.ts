import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, type Harness, harness, sessionToken } from '../data-api/test/harness';

let h: Harness;
afterEach(() => h?.close());

const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('Harvest proxy', () => {
  it('passes an allow-listed GET through 1:1', async () => {
    h = await harness();
    const res = await h.get('/v1/proxy/harvest/users/me', 'member');
    expect(res.status).toBe(200);
    const pat = h.sandbox.credentials.personal_access_tokens.find((p) => p.access_role === 'member')!;
    expect(await res.json()).toMatchObject({ id: pat.user_id, access_roles: ['member'] });
    expect(h.sandbox.control.requests().map((r) => r.path)).toEqual(['/v2/users/me']);
  });

  it('answers lists in our envelope and walks cursor- and page-based lists to the end', async () => {
    h = await harness();
    const walk = async (path: string, limit: number) => {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const res = await h.get(
          `/v1/proxy/harvest/${path}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status, path).toBe(200);
        const page = (await res.json()) as { result: Array<{ id: number }>; next_cursor: string | null };
        seen.push(...page.result.map((x) => x.id));
        cursor = page.next_cursor;
      } while (cursor);
      return seen.sort();
    };
    const users = await walk('users', 2000);
    expect(await walk('users', 5)).toEqual(users);
    const entries = await walk('time_entries', 2000);
    expect(entries.length).toBeGreaterThan(2000);
    expect(await walk('time_entries', 700)).toEqual(entries);
    expect(new Set(entries).size).toBe(entries.length);
  });

  it('passes writes through 1:1: POST answers 201, PATCH and DELETE 200, Harvest validation 422', async () => {
    h = await harness();
    const send = (method: string, path: string, body?: unknown) =>
      h.get(`/v1/proxy/harvest/${path}`, 'administrator', {
        method,
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      });
    const created = await send('POST', 'clients', { name: 'Proxy Client' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect(
      ((await (await send('PATCH', `clients/${id}`, { name: 'Renamed' })).json()) as { name: string }).name,
    ).toBe('Renamed');
    expect((await send('DELETE', `clients/${id}`)).status).toBe(200);
    expect((await send('GET', `clients/${id}`)).status).toBe(404);
    const invalid = await send('POST', 'clients', {});
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ error: { code: 'upstream.validation_failed' } });
  });

  it.each([
    ['../../__sandbox/credentials', 'dot segments'],
    ['users/%2e%2e%2f%2e%2e%2f__sandbox', 'encoded traversal'],
    ['users/%252e%252e%252f', 'double encoding'],
    ['%2F%2Fevil.example/v2/users', 'encoded //host'],
    ['users//me', 'empty segment'],
    ['users%5c..%5cme', 'encoded backslash'],
    ['users%00/me', 'null byte'],
    ['users%0d%0aHost:%20evil', 'CRLF'],
    ['http:%2F%2Fevil.example%2Fv2%2Fusers', 'absolute URL'],
    ['oauth2/token', 'not allow-listed'],
    ['accounts', 'not allow-listed'],
    ['users.json', 'dots'],
  ])('refuses %s (%s) without calling Harvest', async (path) => {
    h = await harness();
    const res = await h.get(`/v1/proxy/harvest/${path}`);
    expect([400, 404]).toContain(res.status);
    expect(['proxy.path_not_allowed', 'request.not_found']).toContain(await code(res));
    expect(h.sandbox.control.requests()).toHaveLength(0);
  });

  it('refuses, over a real socket, raw backslashes, dot segments, //host and absolute-form targets', async () => {
    h = await harness();
    const server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    const send = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path,
            headers: { authorization: `Bearer ${API_KEY}`, 'harvest-connect-account': 'administrator' },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
    try {
      for (const path of [
        '/v1/proxy/harvest/users\\me',
        '/v1/proxy/harvest/users/./me',
        '/v1/proxy/harvest/users/x/../me',
        '/v1/proxy/harvest//evil.example/v2/users',
        'http://evil.example/v1/proxy/harvest/users/me',
      ]) {
        const status = await send(path);
        expect(status, path).toBeGreaterThanOrEqual(400);
        expect(status, path).toBeLessThan(500);
      }
      expect(await send('/v1/proxy/harvest/users/me')).toBe(200);
      expect(h.sandbox.control.requests()).toHaveLength(1);
    } finally {
      server.close();
    }
  });

  it('refuses caller-set Harvest-Account-Id and forwarding headers, and never forwards caller headers', async () => {
    h = await harness();
    for (const [name, value] of [
      ['Harvest-Account-Id', '1'],
      ['X-Forwarded-Host', 'evil.example'],
    ] as const) {
      const res = await h.get('/v1/proxy/harvest/users/me', 'administrator', { headers: { [name]: value } });
      expect(res.status).toBe(400);
      expect(await code(res)).toBe('request.invalid');
    }
    expect(h.sandbox.control.requests()).toHaveLength(0);
  });

  it('refuses per_page over 2000, a negative or zero page and control characters before spending budget', async () => {
    h = await harness();
    for (const query of [
      'per_page=2001',
      'per_page=0',
      'page=-1',
      'page=0',
      'limit=5000',
      'is_active=true%0d%0a',
      'weird%20name=1',
      'cursor=garbage!',
    ]) {
      const res = await h.get(`/v1/proxy/harvest/users?${query}`);
      expect(res.status, query).toBe(400);
    }
    expect(h.sandbox.control.requests()).toHaveLength(0);
  });

  it('answers 413 for an oversized body before parsing it, and 400 for invalid or deeply nested JSON', async () => {
    h = await harness();
    const post = (body: string) =>
      h.get('/v1/proxy/harvest/clients', 'administrator', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
    const big = await post(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect(await code(big)).toBe('request.body_too_large');
    expect((await post('{"name":')).status).toBe(400);
    expect((await post(`${'['.repeat(5000)}${']'.repeat(5000)}`)).status).toBe(400);
    expect(h.sandbox.control.requests()).toHaveLength(0);
  });

  it('refuses methods a resource does not allow, and session tokens', async () => {
    h = await harness();
    const res = await h.get('/v1/proxy/harvest/reports/time/team', 'administrator', { method: 'DELETE' });
    expect(res.status).toBe(405);
    const session = await h.app.request('/v1/proxy/harvest/users/me', {
      headers: { authorization: `Bearer ${sessionToken('administrator', ['user_directory:read'])}` },
    });
    expect(session.status).toBe(403);
    expect(h.sandbox.control.requests()).toHaveLength(0);
  });
});
