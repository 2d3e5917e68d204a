import { describe, expect, it } from 'vitest';
import { makeUser, makeUsers } from '../test/fixtures';
import { filterUsers, initials } from './filterUsers';

describe('filterUsers', () => {
  const users = makeUsers(40);

  it('matches every word in the name or the email, ignoring case and accents', () => {
    const jose = makeUser(99, { name: 'José Núñez', first_name: 'José', last_name: 'Núñez' });
    expect(filterUsers([jose, ...users], 'jose nunez').map((u) => u.id)).toEqual([jose.id]);
    expect(filterUsers(users, 'GRACE hopper').map((u) => u.id)).toEqual(['1011']);
    expect(filterUsers(users, 'grace.lovelace.1@').map((u) => u.id)).toEqual(['1001']);
  });

  it('applies role, type and status filters', () => {
    expect(filterUsers(users, '', { employmentType: 'contractor' }).every((u) => u.is_contractor)).toBe(true);
    expect(filterUsers(users, '', { status: 'inactive' }).every((u) => u.status === 'inactive')).toBe(true);
    expect(filterUsers(users, '', { role: 'r2' }).every((u) => u.roles[0]?.id === 'r2')).toBe(true);
    expect(filterUsers(users, '', { role: 'r2' })).toHaveLength(20);
  });

  it('builds initials', () => {
    expect(initials(makeUser(0))).toBe('AL');
    expect(initials({ first_name: '', last_name: '', name: 'cher' })).toBe('C');
  });
});
