import type { UnifiedRole, UnifiedUser } from '@harvest-connect/protocol';

const FIRST = [
  'Ada',
  'Aisha',
  'Alan',
  'Ana',
  'Björn',
  'Chen',
  'Chloé',
  'David',
  'Elena',
  'Emma',
  'Fatima',
  'François',
  'Grace',
  'Hiro',
  'Ines',
  'Ivan',
  'Jamal',
  'José',
  'Karin',
  'Kim',
  'Lars',
  'Leila',
  'Liam',
  'Lucía',
  'Mateo',
  'Maya',
  'Mei',
  'Nina',
  'Noah',
  'Olga',
  'Omar',
  'Pedro',
  'Priya',
  'Rafael',
  'Ravi',
  'Sara',
  'Søren',
  'Tomás',
  'Yuki',
  'Zoë',
];
const LAST = [
  'Abara',
  'Andersen',
  'Bauer',
  'Becker',
  'Costa',
  'Dubois',
  'Eriksson',
  'Fischer',
  'García',
  'Gómez',
  'Hansen',
  'Hoffmann',
  'Ito',
  'Jensen',
  'Johnson',
  'Kowalski',
  'Kumar',
  'Larsen',
  'Lee',
  'López',
  'Martin',
  'Martínez',
  'Müller',
  'Nakamura',
  'Nguyen',
  'Novak',
  'Okafor',
  'Olsen',
  'Pereira',
  'Petrov',
  'Rossi',
  'Sánchez',
  'Schmidt',
  'Silva',
  'Smith',
  'Sousa',
  'Suzuki',
  'Tanaka',
  'Taylor',
  'Wagner',
  'Wang',
  'Weber',
  'Wilson',
  'Yilmaz',
  'Zhang',
];
const ROLE_NAMES = [
  'Design',
  'Engineering',
  'Product',
  'Marketing',
  'Sales',
  'Support',
  'Finance',
  'Operations',
  'Legal',
  'Research',
  'QA',
  'Data',
];

/** A small seeded generator (mulberry32), so every run builds the same people. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .toLowerCase();

/**
 * `count` deterministic people, all active (so all pass the picker's default filter), about one in five a
 * contractor, one to three roles each, no avatar picture (initials; a picture would be a network request).
 *
 * @example
 * const { users, roles } = makeDirectory(10_000);
 */
export function makeDirectory(count: number): { users: UnifiedUser[]; roles: UnifiedRole[] } {
  const next = random(20261204);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const stamp = '2026-01-05T09:00:00Z';
  const roles: UnifiedRole[] = ROLE_NAMES.map((name, i) => ({
    id: `role_${i + 1}`,
    name,
    user_ids: [],
    created_at: stamp,
    updated_at: stamp,
  }));
  const users: UnifiedUser[] = [];
  for (let i = 0; i < count; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const contractor = next() < 0.2;
    const own = new Set<UnifiedRole>();
    const roleCount = 1 + Math.floor(next() * 3);
    while (own.size < roleCount) own.add(pick(roles));
    const id = String(100_000 + i);
    for (const role of own) role.user_ids.push(id);
    users.push({
      id,
      first_name: first,
      last_name: last,
      name: `${first} ${last}`,
      emails: [{ email: `${ascii(first)}.${ascii(last)}${i}@example.com`, type: 'work', is_primary: true }],
      status: 'active',
      roles: [...own].map((r) => ({ id: r.id, name: r.name })),
      access_roles: ['member'],
      is_contractor: contractor,
      employment_type: contractor ? 'contractor' : 'employee',
      avatar_url: null,
      timezone: 'Europe/Berlin',
      weekly_capacity_hours: 40,
      created_at: stamp,
      updated_at: stamp,
    });
  }
  return { users, roles };
}
