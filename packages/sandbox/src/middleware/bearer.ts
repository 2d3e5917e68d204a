import type { Context } from 'hono';

/** The token a request carries: `Authorization: Bearer ...` or `?access_token=` (fact sheet §1.6). */
export function bearerToken(c: Context): string | null {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (match) return match[1]!;
  return c.req.query('access_token') || null;
}
