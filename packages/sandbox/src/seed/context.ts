import type { Prng } from '../core/prng';
import type { IdAllocator } from '../store/ids';
import type { AccountStore, Identity } from '../store/store';

/** What every seeding step shares while building one account. */
export interface SeedContext {
  rng: Prng;
  ids: IdAllocator;
  account: AccountStore;
  identities: Map<number, Identity>;
  /** The clock reading the data is anchored to. */
  now: number;
  /** Company e-mail domain, e.g. `northwind-labs.example`. */
  domain: string;
}

const DAY = 86_400_000;

/** A creation time `daysAgo` days before the anchor, with a little jitter. */
export function daysAgo(ctx: SeedContext, days: number): number {
  return ctx.now - days * DAY - ctx.rng.int(0, 8 * 3600) * 1000;
}
