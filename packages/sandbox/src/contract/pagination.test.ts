import { describe, expect, it } from 'vitest';
import { call, testSandbox } from '../test-support';

/** Fact sheet §3: the envelope, per_page rules and cursor pagination. */
describe('pagination envelope (page-based)', () => {
  const s = testSandbox();

  it('wraps lists in the documented envelope with ref=first/ref=last links', async () => {
    const { status, body } = await call(
      s,
      'GET',
      `/v2/time_entries?per_page=10&page=2&user_id=${s.credentials.personal_access_tokens[2]!.user_id}`,
    );
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(
      [
        'links',
        'next_page',
        'page',
        'per_page',
        'previous_page',
        'time_entries',
        'total_entries',
        'total_pages',
      ].sort(),
    );
    expect(body.per_page).toBe(10);
    expect(body.page).toBe(2);
    expect(body.previous_page).toBe(1);
    expect(body.next_page).toBe(3);
    expect(body.total_pages).toBe(Math.ceil(body.total_entries / 10));
    expect(body.time_entries).toHaveLength(10);
    expect(body.links.first).toMatch(/\/v2\/time_entries\?user_id=\d+&page=1&per_page=10&ref=first$/);
    expect(body.links.last).toContain(`page=${body.total_pages}&per_page=10&ref=last`);
    expect(body.links.next).toContain('page=3');
    expect(body.links.previous).toContain('page=1');
  });

  it('defaults per_page to 2000 and answers over 2000 with 422 {"message"}', async () => {
    expect((await call(s, 'GET', '/v2/time_entries')).body.per_page).toBe(2000);
    const { status, body } = await call(s, 'GET', '/v2/time_entries?per_page=2001');
    expect(status).toBe(422);
    expect(Object.keys(body)).toEqual(['message']);
  });

  it('defaults /invoices to 100 per page (sandbox decision)', async () => {
    expect((await call(s, 'GET', '/v2/invoices')).body.per_page).toBe(100);
  });

  it('never puts the access token in links', async () => {
    const cred = s.credentials.personal_access_tokens[0]!;
    const res = await s.app.request(
      `/v2/clients?per_page=1&access_token=${cred.token}&account_id=${cred.account_id}`,
      { headers: { 'User-Agent': 'T' } },
    );
    expect(JSON.stringify(await res.json())).not.toContain(cred.token);
  });
});

describe('cursor pagination', () => {
  const s = testSandbox();

  it('walks /v2/users by links.next with ref=next_cursor and base64url {"after":{"id":N}} cursors', async () => {
    const seen: number[] = [];
    let url: string | null = '/v2/users?per_page=5';
    let pages = 0;
    let total = 0;
    while (url) {
      const { body } = await call(s, 'GET', url.replace(/^https?:\/\/[^/]+/, ''));
      total = body.total_entries;
      seen.push(...body.users.map((u: { id: number }) => u.id));
      const last = pages > 0 && body.links.next === null;
      if (pages === 0) {
        expect(body.page).toBe(1);
        expect(body.next_page).toBe(2);
      } else if (!last) {
        expect(body.page).toBeNull();
        expect(body.next_page).toBeNull();
        expect(body.previous_page).toBeNull();
      } else {
        expect(body.page).toBe(body.total_pages);
      }
      if (body.links.next) {
        const next = new URL(body.links.next);
        expect(next.searchParams.get('ref')).toBe('next_cursor');
        const cursor = JSON.parse(Buffer.from(next.searchParams.get('cursor')!, 'base64url').toString());
        expect(cursor).toEqual({ after: { id: body.users.at(-1).id } });
      }
      url = body.links.next;
      pages++;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it('lets the cursor win when page is sent too, and rejects a garbled cursor with 422', async () => {
    const first = (await call(s, 'GET', '/v2/clients?per_page=2')).body;
    const cursor = new URL(first.links.next).searchParams.get('cursor');
    const both = (await call(s, 'GET', `/v2/clients?per_page=2&page=1&cursor=${cursor}`)).body;
    expect(both.clients[0].id).toBeLessThan(first.clients[1].id);
    expect((await call(s, 'GET', '/v2/clients?cursor=%%%')).status).toBe(422);
  });

  it('goes back with {"before":{"id":N}} via links.previous', async () => {
    const first = (await call(s, 'GET', '/v2/tasks?per_page=3')).body;
    const second = (
      await call(s, 'GET', new URL(first.links.next).pathname + new URL(first.links.next).search)
    ).body;
    const prev = new URL(second.links.previous);
    expect(JSON.parse(Buffer.from(prev.searchParams.get('cursor')!, 'base64url').toString())).toEqual({
      before: { id: second.tasks[0].id },
    });
    const back = (await call(s, 'GET', prev.pathname + prev.search)).body;
    expect(back.tasks.map((t: { id: number }) => t.id)).toEqual(first.tasks.map((t: { id: number }) => t.id));
  });
});
