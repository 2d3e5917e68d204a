import type { UnifiedUser } from '@harvest-connect/protocol';
import { matchesFilters, queryWords, searchText, type UserFilters } from './filterUsers';

/** Results kept per search (typing a word then deleting it walks back through the same queries). */
const CACHE_SIZE = 64;

interface Matches {
  words: readonly string[];
  users: readonly UnifiedUser[];
  /** `users[i]`'s search text, so narrowing a result never looks a user up again. */
  texts: readonly string[];
}

/** Answers the picker's searches over one list and one set of filters. */
export interface UserSearch {
  /** The users passing the filters, in their given order: the answer to an empty query. */
  readonly pool: readonly UnifiedUser[];
  /** The pool's users matching every word of `query` (same rules as `filterUsers`), in their given order. */
  match(query: string): readonly UnifiedUser[];
}

/**
 * A search over `users` for one set of filters, made once per loaded list (not per keystroke): the filters are
 * applied and each user's lowercased, accent-free text is looked up once here, so a keystroke is a loop of
 * `includes` over plain strings. A query that only adds to the previous one (each earlier word is part of a new
 * word) searches the previous result instead of the pool, and recent results are cached, so Backspace is free.
 * Returned arrays are shared: treat them as read-only.
 *
 * @example
 * const search = createUserSearch(users, { status: 'active' });
 * search.match('ada'); // then search.match('ada l') narrows that result
 */
export function createUserSearch(users: readonly UnifiedUser[], filters: UserFilters = {}): UserSearch {
  const pool: UnifiedUser[] = [];
  const texts: string[] = [];
  for (const user of users) {
    if (!matchesFilters(user, filters)) continue;
    pool.push(user);
    texts.push(searchText(user));
  }
  const all: Matches = { words: [], users: pool, texts };
  const cache = new Map<string, Matches>();
  let last = all;

  const match = (query: string): readonly UnifiedUser[] => {
    const words = queryWords(query);
    if (words.length === 0) return pool;
    const key = words.join(' ');
    let found = cache.get(key);
    if (found) {
      // Refresh its place in the least-recently-used order.
      cache.delete(key);
    } else {
      found = narrow(refines(words, last.words) ? last : all, words);
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(key, found);
    last = found;
    return found.users;
  };
  return { pool, match };
}

/** True when every match of `words` is also a match of `previous`: each earlier word is inside a new one. */
function refines(words: readonly string[], previous: readonly string[]): boolean {
  for (const old of previous) {
    let inside = false;
    for (const word of words) {
      if (word.includes(old)) {
        inside = true;
        break;
      }
    }
    if (!inside) return false;
  }
  return true;
}

function narrow(from: Matches, words: readonly string[]): Matches {
  const users: UnifiedUser[] = [];
  const texts: string[] = [];
  const source = from.users;
  const sourceTexts = from.texts;
  const count = words.length;
  outer: for (let i = 0; i < source.length; i++) {
    const text = sourceTexts[i] as string;
    for (let w = 0; w < count; w++) if (!text.includes(words[w] as string)) continue outer;
    users.push(source[i] as UnifiedUser);
    texts.push(text);
  }
  return { words, users, texts };
}
