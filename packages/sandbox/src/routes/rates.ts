import { Hono } from 'hono';
import { z } from 'zod';
import { isoDate } from '../core/dates';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { found, pathId, requireRole, visibleUsers } from '../http/access';
import { readBody } from '../http/body';
import { HarvestError } from '../http/harvest-errors';
import { paginate, readPaging } from '../http/paginate';
import { validate, zDate, zNumber } from '../http/validate';
import { serializeRate } from '../serialize/users';
import type { RateRecord } from '../store/records';

const schema = z.object({ amount: zNumber.pipe(z.number().min(0).max(1e9)), start_date: zDate.optional() });

/**
 * `/v2/users/{id}/billable_rates` and `/cost_rates` (fact sheet §5.2): oldest `start_date` first; a POST
 * without `start_date` replaces the existing rates; `start_date` may not be in the future.
 */
export function ratesRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  for (const [path, key, field] of [
    ['billable_rates', 'billableRates', 'defaultHourlyRate'],
    ['cost_rates', 'costRates', 'costRate'],
  ] as const) {
    const ratesOf = (c: { get(k: 'account'): import('../store/store').AccountStore }, userId: number) =>
      [...c.get('account')[key].values()]
        .filter((r) => r.userId === userId)
        .sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.id - b.id);
    const owner = (c: Parameters<typeof requireRole>[0]) => {
      const user = found(c.get('account').users.get(pathId(c)));
      if (user.id !== c.get('user').id && visibleUsers(c)?.has(user.id) === false)
        throw HarvestError.forbidden();
      return user;
    };

    app.get(`/users/:id/${path}`, (c) => {
      const user = owner(c);
      const rows = ratesOf(c, user.id);
      const paging = readPaging(c, { cursor: true });
      return c.json(
        paginate(c, path, rows, paging, (r) => serializeRate(r, rows[rows.indexOf(r) + 1]), 'asc'),
      );
    });
    app.get(`/users/:id/${path}/:rateId`, (c) => {
      const user = owner(c);
      const rows = ratesOf(c, user.id);
      const rate = found(rows.find((r) => r.id === pathId(c, 'rateId')));
      return c.json(serializeRate(rate, rows[rows.indexOf(rate) + 1]));
    });
    app.post(`/users/:id/${path}`, async (c) => {
      requireRole(c, 'administrator');
      const account = c.get('account');
      const user = found(account.users.get(pathId(c)));
      const b = validate(schema, await readBody(c));
      const now = rt.clock.now();
      if (b.start_date && b.start_date > isoDate(now))
        throw HarvestError.unprocessable("Start date can't be in the future");
      if (!b.start_date) for (const r of ratesOf(c, user.id)) account[key].delete(r.id);
      const rate: RateRecord = {
        id: rt.store.ids.next('rate'),
        userId: user.id,
        amount: b.amount,
        startDate: b.start_date ?? null,
        createdAt: now,
        updatedAt: now,
      };
      account[key].set(rate.id, rate);
      const rows = ratesOf(c, user.id);
      const current = rows.filter((r) => !r.startDate || r.startDate <= isoDate(now)).pop();
      if (current) user[field] = current.amount;
      return c.json(serializeRate(rate, rows[rows.indexOf(rate) + 1]), 201);
    });
  }
  return app;
}
