import { REDIRECT_SESSION_PARAM } from '@harvest-connect/protocol';
import type { ConnectEnv } from './env';

/** What `handleRedirect()` needs after the round trip, and nothing else. Kept in this tab's sessionStorage. */
export interface ResumeState {
  session_id: string;
  link_token: string;
  nonce: string;
}

const KEY = 'harvest-connect:resume';

/**
 * Remembers a redirect-mode flow for `handleRedirect()`. Where storage is unavailable (some private modes throw
 * on access) the server still records the outcome; the page just cannot resume it.
 *
 * @example
 * saveResume(window, { session_id: session.id, link_token: token, nonce });
 */
export function saveResume(env: ConnectEnv, state: ResumeState): void {
  try {
    env.sessionStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // See above: nothing to resume then.
  }
}

/**
 * `undefined` when this page is not the end of a redirect-mode flow (no session parameter). Otherwise the flow
 * to resume, or `null` when the session named in the query is not the one this tab started (a foreign or stale
 * link resumes nothing).
 *
 * @example
 * const resume = loadResume(window);
 * if (resume) pollUntilDone(resume);
 */
export function loadResume(env: ConnectEnv): ResumeState | null | undefined {
  const id = new URL(env.location.href).searchParams.get(REDIRECT_SESSION_PARAM);
  if (!id) return undefined;
  try {
    // `JSON.parse(null)` is `null`: nothing stored.
    const state = JSON.parse(env.sessionStorage.getItem(KEY) as string) as ResumeState | null;
    return state?.session_id === id ? state : null;
  } catch {
    return null;
  }
}

/** Forgets the stored flow (after its outcome, or when it cannot be resumed). */
export function clearResume(env: ConnectEnv): void {
  try {
    env.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored when storage is unavailable.
  }
}

/**
 * The current URL without the session parameter: the `return_url` to send, and the URL to restore with
 * `history.replaceState` on return so a reload or a shared link does not resume the flow again.
 *
 * @example
 * history.replaceState(history.state, '', withoutSessionParam(location.href));
 */
export function withoutSessionParam(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(REDIRECT_SESSION_PARAM);
  return url.href;
}
