import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

const COOKIE = 'acme_user';

/**
 * Acme's own "login": each browser gets a random end-user id in an HttpOnly cookie. A real product would use its
 * session; what matters is that the end-user id comes from the backend, never from the browser's say-so.
 *
 * @example
 * const endUserId = endUserOf(c);
 */
export function endUserOf(c: Context): string {
  const existing = getCookie(c, COOKIE);
  if (existing && /^u_[\w-]{8,64}$/.test(existing)) return existing;
  const id = `u_${randomUUID()}`;
  setCookie(c, COOKIE, id, { httpOnly: true, sameSite: 'Lax', path: '/' });
  return id;
}
