/** A row as better-sqlite3 reads and writes it. */
export type Row = Record<string, unknown>;

/** Columns holding JSON, per table: serialised on write, parsed on read. */
const JSON_COLUMNS: Record<string, readonly string[]> = {
  tenants: ['allowed_origins'],
  connect_sessions: ['result'],
  pending_grants: ['harvest_user', 'accounts'],
  session_tokens: ['scopes'],
};

/** Column names we accept into SQL text: lower case and underscores only. */
export const IDENTIFIER = /^[a-z_]+$/;

/**
 * A value as stored in `table.column`: JSON columns are serialised. Throws on a column name that is not a plain
 * identifier, since column names go into SQL text.
 *
 * @example
 * toDb('tenants', 'allowed_origins', ['https://acme.test']); // '["https://acme.test"]'
 */
export function toDb(table: string, column: string, value: unknown): unknown {
  if (!IDENTIFIER.test(column)) throw new Error(`bad column ${column}`);
  if (JSON_COLUMNS[table]?.includes(column)) return value === null ? null : JSON.stringify(value);
  return value;
}

/**
 * A row read from `table`, its JSON columns parsed in place.
 *
 * @example
 * fromDb('session_tokens', { scopes: '["time:read"]' }); // { scopes: ['time:read'] }
 */
export function fromDb(table: string, row: Row): Row {
  for (const c of JSON_COLUMNS[table] ?? []) {
    if (typeof row[c] === 'string') row[c] = JSON.parse(row[c] as string);
  }
  return row;
}
