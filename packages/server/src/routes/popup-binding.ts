import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { hashSecret, newSecret, safeEqual } from '../crypto/secrets';
import { ApiError } from '../errors';
import { readSession } from '../services/connect-sessions';
import type { Deps } from '../services/deps';
import type { ConnectSessionRow } from '../store/store';

/** The cookie that ties a popup window (its browser) to the sessions it opened. */
export const BINDING_COOKIE = 'hc_popup';

/** The hash of this browser's binding cookie, or null when it has none. */
export function bindingHashOf(c: Context): string | null {
  const value = getCookie(c, BINDING_COOKIE);
  return value && /^[\w-]{43}$/.test(value) ? hashSecret(value) : null;
}

/**
 * Returns this browser's binding hash, setting the cookie first if needed: HttpOnly, SameSite=Lax (sent on the
 * top-level redirect back from Harvest), Secure when served over https, scoped to `/connect`.
 *
 * @example
 * const bindingHash = ensureBinding(c, deps.config.publicUrl);
 */
export function ensureBinding(c: Context, publicUrl: string): string {
  const existing = bindingHashOf(c);
  if (existing) return existing;
  const value = newSecret('');
  setCookie(c, BINDING_COOKIE, value, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: publicUrl.startsWith('https:'),
    path: '/connect',
    maxAge: 60 * 60,
  });
  return hashSecret(value);
}

/**
 * The session of a popup page, only for the browser that opened it (its cookie's hash is on the session).
 *
 * @example
 * const session = await boundSession(c, deps);
 */
export async function boundSession(c: Context, deps: Deps): Promise<ConnectSessionRow> {
  const id = c.req.param('id') ?? '';
  const session = /^cs_[\w-]{1,40}$/.test(id) ? await deps.store.getSession(id) : null;
  const hash = bindingHashOf(c);
  if (!session?.binding_hash || !hash || !safeEqual(hash, session.binding_hash)) {
    throw new ApiError(
      'connect_session.not_found',
      'This window is not part of a connect flow. Start again from the app.',
    );
  }
  return readSession(deps, session.id);
}

/** Like `boundSession`, and the flow must still be running. */
export async function pendingSession(c: Context, deps: Deps): Promise<ConnectSessionRow> {
  const session = await boundSession(c, deps);
  if (session.status !== 'pending')
    throw new ApiError('link_token.used', 'This connect flow has already finished.');
  return session;
}
