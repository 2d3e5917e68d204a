import { Hono } from 'hono';
import { z } from 'zod';
import { isoDate } from '../core/dates';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { found, pathId, requireRole } from '../http/access';
import { readBody } from '../http/body';
import { HarvestError } from '../http/harvest-errors';
import { paginate, readPaging } from '../http/paginate';
import { newestFirst, readQuery } from '../http/query';
import { validate, zBool, zDate, zDateTime, zNumber, zText } from '../http/validate';
import { serializePayment } from '../serialize/billing';
import { invoiceTotals } from '../store/invoice-math';
import type { InvoiceRecord } from '../store/records';
import type { AccountStore } from '../store/store';

const schema = z.object({
  amount: zNumber.pipe(z.number().gt(0, 'must be greater than 0').max(1e12)),
  paid_at: zDateTime.optional(),
  paid_date: zDate.optional(),
  notes: zText().optional(),
  send_thank_you: zBool.optional(),
});

/** `paid` follows from payments bringing `due_amount` to 0 (sandbox decision); removing one reopens. */
export function settleState(account: AccountStore, inv: InvoiceRecord, now: number, paidAt: number): void {
  const { dueAmount } = invoiceTotals(account, inv);
  if (dueAmount <= 0 && inv.state === 'open')
    Object.assign(inv, { state: 'paid', paidAt, paidDate: isoDate(paidAt) });
  if (dueAmount > 0 && inv.state === 'paid')
    Object.assign(inv, { state: 'open', paidAt: null, paidDate: null });
  inv.updatedAt = now;
}

/** `/v2/invoices/{id}/payments` (fact sheet §5.7). */
export function invoicePaymentsRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  app.get('/invoices/:id/payments', (c) => {
    requireRole(c, 'administrator', 'manager');
    const account = c.get('account');
    const inv = found(account.invoices.get(pathId(c)));
    const f = readQuery(c, z.object({ updated_since: zDateTime.optional() }));
    const rows = newestFirst(
      [...account.payments.values()].filter(
        (p) => p.invoiceId === inv.id && (f.updated_since === undefined || p.updatedAt >= f.updated_since),
      ),
    );
    return c.json(paginate(c, 'invoice_payments', rows, readPaging(c, { cursor: true }), serializePayment));
  });
  app.post('/invoices/:id/payments', async (c) => {
    requireRole(c, 'administrator');
    const account = c.get('account');
    const inv = found(account.invoices.get(pathId(c)));
    const b = validate(schema, await readBody(c));
    if (b.paid_at !== undefined && b.paid_date !== undefined)
      throw HarvestError.unprocessable('Paid at and paid date cannot both be given');
    if (inv.state !== 'open')
      throw HarvestError.unprocessable('Payments can only be recorded on open invoices');
    const now = rt.clock.now();
    const paidAt = b.paid_at ?? (b.paid_date ? Date.parse(`${b.paid_date}T00:00:00Z`) : now);
    const me = c.get('user');
    const payment = {
      id: rt.store.ids.next('payment'),
      invoiceId: inv.id,
      amount: Math.round(b.amount * 100) / 100,
      paidAt,
      paidDate: b.paid_date ?? isoDate(paidAt),
      recordedBy: `${me.firstName} ${me.lastName}`,
      recordedByEmail: me.email,
      notes: b.notes ?? '',
      transactionId: null,
      createdAt: now,
      updatedAt: now,
    };
    account.payments.set(payment.id, payment);
    settleState(account, inv, now, paidAt);
    return c.json(serializePayment(payment), 201);
  });
  app.delete('/invoices/:id/payments/:paymentId', (c) => {
    requireRole(c, 'administrator');
    const account = c.get('account');
    const inv = found(account.invoices.get(pathId(c)));
    const payment = found(account.payments.get(pathId(c, 'paymentId')));
    if (payment.invoiceId !== inv.id) throw HarvestError.notFound();
    account.payments.delete(payment.id);
    settleState(account, inv, rt.clock.now(), rt.clock.now());
    return c.json(serializePayment(payment));
  });
  return app;
}
