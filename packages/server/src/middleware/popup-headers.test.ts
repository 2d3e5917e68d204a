import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { popupHeaders } from './popup-headers';

describe('popupHeaders', () => {
  it('sets the strict page headers and no COOP', async () => {
    const app = new Hono()
      .use('*', popupHeaders({ harvestIdUrl: 'https://id.getharvest.com' }))
      .get('/', (c) => c.html('<p>x</p>'));
    const res = await app.request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("form-action 'self' https://id.getharvest.com");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cross-origin-opener-policy')).toBeNull();
  });
});
