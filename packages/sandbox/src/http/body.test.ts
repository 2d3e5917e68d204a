import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { readBody } from './body';

const app = new Hono().post('/', async (c) => c.json(await readBody(c)));
const post = (body: string, type: string) =>
  app.request('/', { method: 'POST', headers: { 'Content-Type': type }, body });

describe('readBody', () => {
  it('reads JSON and Rails-style nested form fields', async () => {
    expect(await (await post('{"a":1}', 'application/json')).json()).toEqual({ a: 1 });
    const form =
      'name=X&external_reference[id]=7&external_reference[permalink]=https%3A%2F%2Fe.com&roles[]=A&roles[]=B';
    expect(await (await post(form, 'application/x-www-form-urlencoded')).json()).toEqual({
      name: 'X',
      external_reference: { id: '7', permalink: 'https://e.com' },
      roles: ['A', 'B'],
    });
  });

  it('ignores prototype keys in forms', async () => {
    const res = await post(
      '__proto__[polluted]=1&constructor[prototype][polluted]=1&ok=1',
      'application/x-www-form-urlencoded',
    );
    expect(await res.json()).toEqual({ ok: '1' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
