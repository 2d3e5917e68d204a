import type { UnifiedUser } from '@harvest-connect/protocol';

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken', 'Frances', 'John'];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Hamilton',
  'Thompson',
  'Allen',
  'Backus',
];

/** A deterministic directory user for tests; `overrides` win. */
export function makeUser(i: number, overrides: Partial<UnifiedUser> = {}): UnifiedUser {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  const contractor = i % 4 === 3;
  return {
    id: String(1000 + i),
    first_name: first,
    last_name: last,
    name: `${first} ${last}`,
    emails: [{ email: `${first}.${last}.${i}@example.com`.toLowerCase(), type: 'work', is_primary: true }],
    status: i % 7 === 6 ? 'inactive' : 'active',
    roles: i % 2 === 0 ? [{ id: 'r1', name: 'Design' }] : [{ id: 'r2', name: 'Engineering' }],
    access_roles: ['member'],
    is_contractor: contractor,
    employment_type: contractor ? 'contractor' : 'employee',
    avatar_url: null,
    timezone: 'Etc/UTC',
    weekly_capacity_hours: 40,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function makeUsers(count: number): UnifiedUser[] {
  return Array.from({ length: count }, (_, i) => makeUser(i));
}
