import type { HarvestBaseAccessRole } from '@harvest-connect/protocol';
import type { Context } from 'hono';
import type { SandboxEnv } from '../core/runtime';
import { HarvestError } from './harvest-errors';

/**
 * Throws Harvest's 403 unless the caller holds one of `roles` in this account.
 *
 * @example
 * requireRole(c, 'administrator'); // e.g. roles are admin only (fact sheet §5.3)
 */
export function requireRole(c: Context<SandboxEnv>, ...roles: HarvestBaseAccessRole[]): void {
  if (!roles.includes(c.get('user').accessRole)) throw HarvestError.forbidden();
}

/** A numeric path parameter, or 404 when it is not one (Harvest routes only match digits). */
export function pathId(c: Context, name = 'id'): number {
  const raw = c.req.param(name) ?? '';
  if (!/^\d{1,16}$/.test(raw)) throw HarvestError.notFound();
  return Number(raw);
}

/** `map.get(id)` or a 404. */
export function found<T>(value: T | undefined): T {
  if (value === undefined) throw HarvestError.notFound();
  return value;
}

/**
 * Who the caller may list (fact sheet §5.1: administrators, or managers with assigned teammates): undefined
 * for everyone, else the manager and their teammates. Others get 403.
 */
export function visibleUsers(c: Context<SandboxEnv>): Set<number> | undefined {
  const me = c.get('user');
  if (me.accessRole === 'administrator') return undefined;
  if (me.accessRole === 'manager' && me.teammateIds.length) return new Set([me.id, ...me.teammateIds]);
  throw HarvestError.forbidden();
}
