import { Hono } from 'hono';
import { z } from 'zod';
import { isoDate } from '../core/dates';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { found, pathId, requireRole } from '../http/access';
import { readBody } from '../http/body';
import { HarvestError } from '../http/harvest-errors';
import { paginate, readPaging } from '../http/paginate';
import { readQuery } from '../http/query';
import { validate, zBool, zDate, zDateTime, zId, zNumber, zText } from '../http/validate';
import { serializeInvoice } from '../serialize/billing';
import { secret } from '../store/auth-store';
import type { InvoiceRecord, LineItemRecord } from '../store/records';
import type { AccountStore } from '../store/store';

const lineItem = z.object({
  id: zId.optional(),
  project_id: zId.nullish(),
  kind: zText(255).min(1).optional(),
  description: zText().optional(),
  quantity: zNumber.optional(),
  unit_price: zNumber.optional(),
  taxed: zBool.optional(),
  taxed2: zBool.optional(),
  _destroy: zBool.optional(),
});
const fields = {
  client_id: zId,
  number: zText(255).optional(),
  purchase_order: zText(255).optional(),
  tax: zNumber.nullish(),
  tax2: zNumber.nullish(),
  discount: zNumber.nullish(),
  subject: zText(255).optional(),
  notes: zText().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'is not a valid currency')
    .optional(),
  issue_date: zDate.optional(),
  due_date: zDate.optional(),
  payment_term: z.enum(['upon receipt', 'net 15', 'net 30', 'net 45', 'net 60', 'custom']).optional(),
  payment_options: z
    .array(z.enum(['ach', 'credit_card', 'paypal']))
    .max(3)
    .optional(),
  line_items: z.array(lineItem).max(1000).optional(),
  line_items_import: z.unknown().optional(),
};
const filters = z.object({
  client_id: zId.optional(),
  project_id: zId.optional(),
  updated_since: zDateTime.optional(),
  from: zDate.optional(),
  to: zDate.optional(),
  state: z.enum(['draft', 'open', 'paid', 'closed']).optional(),
});
const TERMS: Record<string, number> = {
  'upon receipt': 0,
  'net 15': 15,
  'net 30': 30,
  'net 45': 45,
  'net 60': 60,
};

function applyLineItems(
  account: AccountStore,
  inv: InvoiceRecord,
  items: z.output<typeof lineItem>[],
  nextId: () => number,
): void {
  for (const li of items) {
    if (li.project_id != null && !account.projects.has(li.project_id))
      throw HarvestError.unprocessable('Line items project is invalid');
    const existing = li.id === undefined ? undefined : inv.lineItems.find((x) => x.id === li.id);
    if (li.id !== undefined && !existing) throw HarvestError.unprocessable('Line items id is invalid');
    if (existing && li._destroy) {
      inv.lineItems = inv.lineItems.filter((x) => x !== existing);
      continue;
    }
    const target: LineItemRecord = existing ?? {
      id: nextId(),
      projectId: null,
      kind: 'Service',
      description: '',
      quantity: 1,
      unitPrice: 0,
      taxed: false,
      taxed2: false,
    };
    if (!existing && li.unit_price === undefined)
      throw HarvestError.unprocessable("Line items unit price can't be blank");
    Object.assign(target, {
      projectId: li.project_id === undefined ? target.projectId : li.project_id,
      kind: li.kind ?? target.kind,
      description: li.description ?? target.description,
      quantity: li.quantity ?? target.quantity,
      unitPrice: li.unit_price ?? target.unitPrice,
      taxed: li.taxed ?? target.taxed,
      taxed2: li.taxed2 ?? target.taxed2,
    });
    if (!existing) inv.lineItems.push(target);
  }
}

/** `/v2/invoices` (fact sheet §5.7): issue date newest first, `per_page` default 100 (sandbox decision). */
export function invoicesRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  app.get('/invoices', (c) => {
    requireRole(c, 'administrator', 'manager');
    const account = c.get('account');
    const f = readQuery(c, filters);
    const paging = readPaging(c, { cursor: false, defaultPerPage: 100 });
    const rows = [...account.invoices.values()]
      .filter(
        (i) =>
          (f.client_id === undefined || i.clientId === f.client_id) &&
          (f.project_id === undefined || i.lineItems.some((li) => li.projectId === f.project_id)) &&
          (f.updated_since === undefined || i.updatedAt >= f.updated_since) &&
          (f.from === undefined || i.issueDate >= f.from) &&
          (f.to === undefined || i.issueDate <= f.to) &&
          (f.state === undefined || i.state === f.state),
      )
      .sort((a, b) => (a.issueDate === b.issueDate ? b.id - a.id : a.issueDate < b.issueDate ? 1 : -1));
    return c.json(paginate(c, 'invoices', rows, paging, (i) => serializeInvoice(account, i)));
  });
  app.get('/invoices/:id', (c) => {
    requireRole(c, 'administrator', 'manager');
    const account = c.get('account');
    return c.json(serializeInvoice(account, found(account.invoices.get(pathId(c)))));
  });
  app.post('/invoices', async (c) => {
    requireRole(c, 'administrator');
    const account = c.get('account');
    const b = validate(z.object(fields), await readBody(c));
    // Importing tracked time into line items is not emulated: say so rather than silently ignore it.
    if (b.line_items_import !== undefined)
      throw HarvestError.unprocessable('line_items_import is not supported by the sandbox; send line_items');
    const client = account.clients.get(b.client_id);
    if (!client) throw HarvestError.unprocessable('Client is invalid');
    const now = rt.clock.now();
    const issue = b.issue_date ?? isoDate(now);
    const term = b.payment_term ?? 'upon receipt';
    const due = b.due_date ?? isoDate(Date.parse(`${issue}T00:00:00Z`) + (TERMS[term] ?? 0) * 86_400_000);
    const numbers = [...account.invoices.values()].map((i) => Number(i.number)).filter(Number.isFinite);
    const inv: InvoiceRecord = {
      id: rt.store.ids.next('invoice'),
      clientId: client.id,
      creatorId: c.get('user').id,
      clientKey: secret(20),
      number: b.number ?? String(Math.max(1000, ...numbers) + 1),
      purchaseOrder: b.purchase_order ?? '',
      tax: b.tax ?? null,
      tax2: b.tax2 ?? null,
      discount: b.discount ?? null,
      subject: b.subject ?? '',
      notes: b.notes ?? '',
      state: 'draft',
      periodStart: null,
      periodEnd: null,
      issueDate: issue,
      dueDate: due,
      paymentTerm: term,
      paymentOptions: b.payment_options ?? [],
      sentAt: null,
      paidAt: null,
      paidDate: null,
      closedAt: null,
      currency: b.currency ?? client.currency,
      lineItems: [],
      createdAt: now,
      updatedAt: now,
    };
    applyLineItems(account, inv, b.line_items ?? [], () => rt.store.ids.next('lineItem'));
    account.invoices.set(inv.id, inv);
    c.header('Location', `${new URL(c.req.url).origin}/api/v2/invoices/${inv.id}`);
    return c.json(serializeInvoice(account, inv), 201);
  });
  app.patch('/invoices/:id', async (c) => {
    requireRole(c, 'administrator');
    const account = c.get('account');
    const current = found(account.invoices.get(pathId(c)));
    const b = validate(z.object(fields).partial(), await readBody(c));
    if (b.client_id !== undefined && !account.clients.has(b.client_id))
      throw HarvestError.unprocessable('Client is invalid');
    const inv: InvoiceRecord = { ...current, lineItems: current.lineItems.map((li) => ({ ...li })) };
    applyLineItems(account, inv, b.line_items ?? [], () => rt.store.ids.next('lineItem'));
    Object.assign(inv, {
      clientId: b.client_id ?? inv.clientId,
      number: b.number ?? inv.number,
      purchaseOrder: b.purchase_order ?? inv.purchaseOrder,
      tax: b.tax === undefined ? inv.tax : b.tax,
      tax2: b.tax2 === undefined ? inv.tax2 : b.tax2,
      discount: b.discount === undefined ? inv.discount : b.discount,
      subject: b.subject ?? inv.subject,
      notes: b.notes ?? inv.notes,
      currency: b.currency ?? inv.currency,
      issueDate: b.issue_date ?? inv.issueDate,
      dueDate: b.due_date ?? inv.dueDate,
      paymentTerm: b.payment_term ?? inv.paymentTerm,
      paymentOptions: b.payment_options ?? inv.paymentOptions,
      updatedAt: rt.clock.now(),
    });
    account.invoices.set(inv.id, inv);
    return c.json(serializeInvoice(account, inv));
  });
  app.delete('/invoices/:id', (c) => {
    requireRole(c, 'administrator');
    const account = c.get('account');
    const inv = found(account.invoices.get(pathId(c)));
    const body = serializeInvoice(account, inv);
    account.invoices.delete(inv.id);
    for (const [id, p] of account.payments) if (p.invoiceId === inv.id) account.payments.delete(id);
    for (const [id, m] of account.messages) if (m.invoiceId === inv.id) account.messages.delete(id);
    return c.json(body);
  });
  return app;
}
