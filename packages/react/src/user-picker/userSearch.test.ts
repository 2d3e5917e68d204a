import { describe, expect, it } from 'vitest';
import { makeUser, makeUsers } from '../test/fixtures';
import { filterUsers, type UserFilters } from './filterUsers';
import { createUserSearch } from './userSearch';

const users = [
  ...makeUsers(300),
  makeUser(900, { name: 'José Núñez', first_name: 'José', last_name: 'Núñez' }),
];
const ids = (list: readonly { id: string }[]) => list.map((u) => u.id);

describe('createUserSearch', () => {
  it('answers exactly like filterUsers along a typed-then-deleted sequence, whatever came before', () => {
    const filters: UserFilters[] = [{}, { status: 'active' }, { employmentType: 'contractor', role: 'r2' }];
    // Growing and shrinking queries, words in new orders, a word that replaces an earlier one, accents.
    const queries = [
      'a',
      'ad',
      'ada',
      'ada ',
      'ada h',
      'ada ho',
      'ada h',
      'ada',
      'h ada',
      'ho',
      'hopper',
      'grace',
      'ADA LOVE',
      'jose',
      'josé n',
      'nunez',
      '.12@',
      'zzz',
      '',
      'o',
      'ov',
      'ove',
      'o',
    ];
    for (const f of filters) {
      const search = createUserSearch(users, f);
      for (const q of queries)
        expect(ids(search.match(q)), `${JSON.stringify(f)} "${q}"`).toEqual(ids(filterUsers(users, q, f)));
    }
  });

  it('returns the filtered pool for an empty query and the same array for a repeated query', () => {
    const search = createUserSearch(users, { status: 'inactive' });
    expect(search.match('  ')).toBe(search.pool);
    expect(search.pool.every((u) => u.status === 'inactive')).toBe(true);
    const first = search.match('lovelace');
    search.match('lovelace h');
    expect(search.match('Lovelace')).toBe(first);
  });

  it('keeps answering correctly past its cache size', () => {
    const search = createUserSearch(users);
    for (let i = 0; i < 200; i++) {
      const q = `${i % 10}`;
      expect(ids(search.match(q))).toEqual(ids(filterUsers(users, q)));
    }
  });
});
