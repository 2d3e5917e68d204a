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
 * Runs on every keystroke over up to tens of thousands of users, so it does no allocation per user beyond the
 * result array and caches each user's search text.
 *
 * @example
 * filterUsers(users, 'ada love', { employmentType: 'employee', status: 'active' });
 */
export function filterUsers(
  users: readonly UnifiedUser[],
  query: string,
  filters: UserFilters = {},
): UnifiedUser[] {
  const words = normalize(query.trim()).split(/\s+/).filter(Boolean);
  const out: UnifiedUser[] = [];
  for (const user of users) {
    if (filters.status && user.status !== filters.status) continue;
    if (filters.employmentType && user.employment_type !== filters.employmentType) continue;
    if (filters.role && !user.roles.some((r) => r.id === filters.role)) continue;
    if (words.length > 0) {
      const text = searchText(user);
      if (!words.every((w) => text.includes(w))) continue;
    }
    out.push(user);
  }
  return out;
}

const textCache = new WeakMap<UnifiedUser, string>();

function searchText(user: UnifiedUser): string {
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
