import type { HarvestCompany, HarvestUser } from '@harvest-connect/protocol';
import type { HarvestCallContext, HarvestClient } from '../harvest-client/harvest-client';
import type { TokenSource } from '../harvest-client/token-source';
import type { Clock } from '../rate-limit/clock';

/**
 * Facts about an account that change rarely and that many tools need (who the token's user is, the company's
 * timer mode), kept a minute per account and token so a timer click costs one call, not three.
 *
 * @example
 * const me = await facts.me(ctx);
 */
export class AccountFacts {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly o: { client: HarvestClient; tokens: TokenSource; clock: Clock; ttlMs?: number },
  ) {}

  me(ctx: HarvestCallContext): Promise<HarvestUser> {
    return this.cached(ctx, 'me', '/v2/users/me');
  }

  company(ctx: HarvestCallContext): Promise<HarvestCompany> {
    return this.cached(ctx, 'company', '/v2/company');
  }

  private async cached<T>(ctx: HarvestCallContext, what: string, path: string): Promise<T> {
    const { tokenId } = await this.o.tokens.get(ctx.accountId);
    const key = `${ctx.accountId}\u0000${tokenId}\u0000${what}`;
    const now = this.o.clock.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < (this.o.ttlMs ?? 60_000)) return hit.value as Promise<T>;
    const shared: HarvestCallContext = {
      accountId: ctx.accountId,
      ...(ctx.tenantId ? { tenantId: ctx.tenantId } : {}),
    };
    const value = this.o.client.request<T>(shared, { path }).then((r) => r.body);
    this.entries.set(key, { at: now, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    if (this.entries.size > 5000) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
