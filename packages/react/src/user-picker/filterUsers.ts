import type { UnifiedUser } from '@harvest-connect/protocol';

/** Filters of the picker, applied on the server and again on loaded users. */
export interface UserFilters {
  /** A role id. */
  role?: string;
  employmentType?: 'contractor' | 'employee';
  status?: 'active' | 'inactive';
}

/**
 * Lowercased, accent-free text for matching ("José" matches "jose").
 *
 * @example
 * normalize('José'); // "jose"
 */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * The users matching every word of `query` (in the name or an email) and the filters, in their given order.
 * Each user's search text is computed once and cached; the picker itself keeps a per-list index instead
 * (`createUserSearch`), so a keystroke does not even look users up.
 *
 * @example
 * filterUsers(users, 'ada love', { employmentType: 'employee', status: 'active' });
 */
export function filterUsers(
  users: readonly UnifiedUser[],
  query: string,
  filters: UserFilters = {},
): UnifiedUser[] {
  const words = queryWords(query);
  const out: UnifiedUser[] = [];
  outer: for (const user of users) {
    if (!matchesFilters(user, filters)) continue;
    if (words.length > 0) {
      const text = searchText(user);
      for (const word of words) if (!text.includes(word)) continue outer;
    }
    out.push(user);
  }
  return out;
}

/**
 * The normalized words of a search: "  Ada  LOVE " -> ["ada", "love"].
 *
 * @example
 * queryWords('José N'); // ["jose", "n"]
 */
export function queryWords(query: string): string[] {
  return normalize(query.trim()).split(/\s+/).filter(Boolean);
}

/**
 * True when `user` passes the role, type and status filters.
 *
 * @example
 * matchesFilters(user, { status: 'active' });
 */
export function matchesFilters(user: UnifiedUser, filters: UserFilters): boolean {
  if (filters.status && user.status !== filters.status) return false;
  if (filters.employmentType && user.employment_type !== filters.employmentType) return false;
  if (filters.role && !user.roles.some((r) => r.id === filters.role)) return false;
  return true;
}

// Per user object: a reloaded page brings new objects (and new text), an unchanged one costs nothing.
const textCache = new WeakMap<UnifiedUser, string>();

/**
 * A user's lowercased, accent-free name and emails, computed once per user object.
 *
 * @example
 * searchText(user); // "ada lovelace ada@example.com"
 */
export function searchText(user: UnifiedUser): string {
  let text = textCache.get(user);
  if (text === undefined) {
    text = normalize(`${user.name} ${user.emails.map((e) => e.email).join(' ')}`);
    textCache.set(user, text);
  }
  return text;
}

/**
 * Up to two initials for an avatar without a picture.
 *
 * @example
 * initials({ first_name: 'Ada', last_name: 'Lovelace', name: 'Ada Lovelace' }); // "AL"
 */
export function initials(user: Pick<UnifiedUser, 'first_name' | 'last_name' | 'name'>): string {
  const first = user.first_name.trim()[0] ?? user.name.trim()[0] ?? '?';
  const last = user.last_name.trim()[0] ?? '';
  return `${first}${last}`.toUpperCase();
}
