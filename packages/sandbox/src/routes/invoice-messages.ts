import type { HarvestInvoiceEventType } from '@harvest-connect/protocol';
import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { found, pathId, requireRole } from '../http/access';
import { readBody } from '../http/body';
import { HarvestError } from '../http/harvest-errors';
import { paginate, readPaging } from '../http/paginate';
import { newestFirst, readQuery } from '../http/query';
import { validate, zBool, zDateTime, zText } from '../http/validate';
import { serializeMessage } from '../serialize/billing';
import { invoiceTotals } from '../store/invoice-math';
import type { InvoiceRecord, MessageRecord } from '../store/records';
import type { AccountStore } from '../store/store';

const schema = z.object({
  event_type: z.enum(['send', 'close', 're-open', 'draft']).nullish(),
  recipients: z
    .array(z.object({ name: zText(255).optional(), email: z.string().email('is invalid').max(255) }))
    .max(100)
    .optional(),
  subject: zText(998).optional(),
  body: zText().optional(),
  include_link_to_client_invoice: zBool.optional(),
  attach_pdf: zBool.optional(),
  send_me_a_copy: zBool.optional(),
  thank_you: zBool.optional(),
});

/** State changes by `event_type` (fact sheet §5.7); anything else is a 422. */
function transition(
  account: AccountStore,
  inv: InvoiceRecord,
  event: HarvestInvoiceEventType,
  now: number,
): void {
  const from = inv.state;
  if (event === 'send' && from === 'draft') Object.assign(inv, { state: 'open', sentAt: now });
  else if (event === 'close' && (from === 'open' || from === 'draft'))
    Object.assign(inv, { state: 'closed', closedAt: now });
  else if (event === 're-open' && from === 'closed') {
    const paid = invoiceTotals(account, inv).dueAmount <= 0 && inv.sentAt !== null;
    Object.assign(inv, { state: paid ? 'paid' : inv.sentAt === null ? 'draft' : 'open', closedAt: null });
  } else if (event === 'draft' && from === 'open') Object.assign(inv, { state: 'draft', sentAt: null });
  else
    throw HarvestError.unprocessable(
      `The invoice can't be changed with event type ${event} while it is ${from}`,
    );
  inv.updatedAt = now;
}

/** `/v2/invoices/{id}/messages` (fact sheet §5.7): e-mails, or state changes with `event_type`. */
export function invoiceMessagesRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  const invoice = (c: Parameters<typeof requireRole>[0]) => found(c.get('account').invoices.get(pathId(c)));

  app.get('/invoices/:id/messages/new', (c) => {
    requireRole(c, 'administrator', 'manager');
    const inv = invoice(c);
    const q = readQuery(c, z.object({ thank_you: zBool.optional(), reminder: zBool.optional() }));
    const company = c.get('account').company.name;
    const subject = q.thank_you
      ? `Thank you for your payment of invoice #${inv.number}`
      : q.reminder
        ? `Reminder: invoice #${inv.number} from ${company}`
        : `Invoice #${inv.number} from ${company}`;
    return c.json({
      invoice_id: inv.id,
      subject,
      body: `---------------------------------------------\nInvoice Summary\n---------------------------------------------\nInvoice ID: ${inv.number}\nIssue Date: ${inv.issueDate}\nClient: ${c.get('account').clients.get(inv.clientId)?.name ?? ''}`,
      reminder: q.reminder ?? false,
      thank_you: q.thank_you ?? false,
    });
  });
  app.get('/invoices/:id/messages', (c) => {
    requireRole(c, 'administrator', 'manager');
    const inv = invoice(c);
    const f = readQuery(c, z.object({ updated_since: zDateTime.optional() }));
    const rows = newestFirst(
      [...c.get('account').messages.values()].filter(
        (m) => m.invoiceId === inv.id && (f.updated_since === undefined || m.updatedAt >= f.updated_since),
      ),
    );
    return c.json(paginate(c, 'invoice_messages', rows, readPaging(c, { cursor: true }), serializeMessage));
  });
  app.post('/invoices/:id/messages', async (c) => {
    requireRole(c, 'administrator');
    const account = c.get('account');
    const inv = invoice(c);
    const b = validate(schema, await readBody(c));
    const now = rt.clock.now();
    if (b.event_type) transition(account, inv, b.event_type, now);
    else {
      if (!b.recipients?.length && !b.send_me_a_copy)
        throw HarvestError.unprocessable("Recipients can't be blank");
      if (inv.state === 'draft') Object.assign(inv, { state: 'open', sentAt: now, updatedAt: now });
    }
    const me = c.get('user');
    const message: MessageRecord = {
      id: rt.store.ids.next('message'),
      invoiceId: inv.id,
      sentBy: `${me.firstName} ${me.lastName}`,
      sentByEmail: me.email,
      recipients: (b.recipients ?? []).map((r) => ({ name: r.name ?? '', email: r.email })),
      subject: b.subject ?? null,
      body: b.body ?? null,
      attachPdf: b.attach_pdf ?? false,
      sendMeACopy: b.send_me_a_copy ?? false,
      thankYou: b.thank_you ?? false,
      eventType: b.event_type ?? null,
      reminder: false,
      sendReminderOn: null,
      createdAt: now,
      updatedAt: now,
    };
    account.messages.set(message.id, message);
    return c.json(serializeMessage(message), 201);
  });
  app.delete('/invoices/:id/messages/:messageId', (c) => {
    requireRole(c, 'administrator');
    const inv = invoice(c);
    const message = found(c.get('account').messages.get(pathId(c, 'messageId')));
    if (message.invoiceId !== inv.id) throw HarvestError.notFound();
    c.get('account').messages.delete(message.id);
    return c.json(serializeMessage(message));
  });
  return app;
}
