import type { HarvestRole, HarvestUser } from '@harvest-connect/protocol';
import { ApiError } from '../errors';
import type { HarvestCallContext, HarvestClient } from '../harvest-client/harvest-client';
import { listAll } from '../harvest-client/harvest-lists';
import type { TokenSource } from '../harvest-client/token-source';
import type { Clock } from '../rate-limit/clock';

/** A shared load must not be cancelled by the first caller's disconnect. */
function unsignalled(ctx: HarvestCallContext): HarvestCallContext {
  return { accountId: ctx.accountId, ...(ctx.tenantId ? { tenantId: ctx.tenantId } : {}) };
}

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

/**
 * A short-lived copy of an account's users and roles, so a picker's keystrokes filter in memory instead of each
 * costing rate budget. Keyed by integrated account and token id (another token may see other people), kept
 * `ttlMs` (default 30 s), shared by concurrent callers while it loads, and never kept when the load failed.
 * Roles are `null` when the user may not read them (Harvest 403 for non-administrators, fact sheet §5.3).
 *
 * @example
 * const cache = new DirectoryCache({ client, tokens, clock });
 * const users = await cache.users(ctx);
 */
export class DirectoryCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly ttlMs: number;

  constructor(
    private readonly o: {
      client: HarvestClient;
      tokens: TokenSource;
      clock: Clock;
      ttlMs?: number;
      maxEntries?: number;
    },
  ) {
    this.ttlMs = o.ttlMs ?? 30_000;
  }

  users(ctx: HarvestCallContext): Promise<HarvestUser[]> {
    const shared = unsignalled(ctx);
    return this.cached(ctx, 'users', () => listAll<HarvestUser>(this.o.client, shared, '/v2/users', 'users'));
  }

  roles(ctx: HarvestCallContext): Promise<HarvestRole[] | null> {
    return this.cached(ctx, 'roles', async () => {
      try {
        return await listAll<HarvestRole>(this.o.client, unsignalled(ctx), '/v2/roles', 'roles');
      } catch (error) {
        if (error instanceof ApiError && error.code === 'upstream.forbidden') return null;
        throw error;
      }
    });
  }

  private async cached<T>(ctx: HarvestCallContext, what: string, load: () => Promise<T>): Promise<T> {
    const { tokenId } = await this.o.tokens.get(ctx.accountId);
    const key = `${ctx.accountId}\u0000${tokenId}\u0000${what}`;
    const now = this.o.clock.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = load();
    this.entries.set(key, { at: now, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    this.trim();
    return value;
  }

  /** Drops expired copies (they can be large), then the oldest beyond `maxEntries`. */
  private trim(): void {
    const now = this.o.clock.now();
    for (const [key, entry] of this.entries) if (now - entry.at >= this.ttlMs) this.entries.delete(key);
    const max = this.o.maxEntries ?? 1000;
    for (const key of this.entries.keys()) {
      if (this.entries.size <= max) return;
      this.entries.delete(key);
    }
  }
}
