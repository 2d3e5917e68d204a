import type { HarvestInvoiceState } from '@harvest-connect/protocol';
import { isoDate } from '../core/dates';
import { invoiceTotals } from '../store/invoice-math';
import type { InvoiceRecord } from '../store/records';
import { daysAgo, type SeedContext } from './context';
import { EXPENSE_CATEGORIES } from './names';
import type { WorkPlan } from './seed-work';

const DAY = 86_400_000;
const STATES: Array<HarvestInvoiceState | 'partial'> = ['paid', 'open', 'draft', 'closed', 'partial', 'paid'];

/**
 * Adds invoices in every state (with line items, payments and state messages) and expenses. Returns, per
 * client, the invoices that time entries may be billed to.
 *
 * @example
 * const billable = seedBilling(ctx, plan, creatorId, 3);
 */
export function seedBilling(
  ctx: SeedContext,
  plan: WorkPlan,
  creatorId: number,
  perClient: number,
): Map<number, number[]> {
  const { rng, ids, account } = ctx;
  const creator = account.users.get(creatorId)!;
  const byClient = new Map<number, number[]>();
  const clientProjects = new Map<number, number[]>();
  for (const [projectId, clientId] of plan.projectClient) {
    clientProjects.set(clientId, [...(clientProjects.get(clientId) ?? []), projectId]);
  }
  let n = 0;
  for (const client of account.clients.values()) {
    for (let k = 0; k < perClient; k++, n++) {
      const state = STATES[n % STATES.length]!;
      const issued = ctx.now - (20 + ((n * 37) % 300)) * DAY;
      const id = ids.next('invoice');
      const projects = clientProjects.get(client.id) ?? [];
      const invoice: InvoiceRecord = {
        id,
        clientId: client.id,
        creatorId,
        clientKey: rng.hex(40),
        number: String(1000 + n),
        purchaseOrder: rng.chance(0.3) ? `PO-${rng.int(1000, 9999)}` : '',
        tax: rng.chance(0.4) ? 8.5 : null,
        tax2: null,
        discount: rng.chance(0.2) ? 10 : null,
        subject: `Services for ${client.name}`,
        notes: '',
        state: state === 'partial' ? 'open' : state,
        periodStart: isoDate(issued - 30 * DAY),
        periodEnd: isoDate(issued - DAY),
        issueDate: isoDate(issued),
        dueDate: isoDate(issued + 30 * DAY),
        paymentTerm: 'net 30',
        paymentOptions: [],
        sentAt: state === 'draft' ? null : issued + 3600_000,
        paidAt: null,
        paidDate: null,
        closedAt: state === 'closed' ? issued + 40 * DAY : null,
        currency: client.currency,
        lineItems: Array.from({ length: rng.int(1, 3) }, () => ({
          id: ids.next('lineItem'),
          projectId: projects.length ? rng.pick(projects) : null,
          kind: 'Service',
          description: rng.pick(['Programming', 'Design', 'Project Management', 'Research']),
          quantity: rng.int(2, 60) / 2,
          unitPrice: 100 + rng.int(0, 5) * 10,
          taxed: true,
          taxed2: false,
        })),
        createdAt: issued,
        updatedAt: issued + 3600_000,
      };
      account.invoices.set(id, invoice);
      if (state !== 'draft') byClient.set(client.id, [...(byClient.get(client.id) ?? []), id]);
      if (state !== 'draft')
        addMessage(ctx, invoice, 'send', creator.email, `${creator.firstName} ${creator.lastName}`);
      if (state === 'closed')
        addMessage(ctx, invoice, 'close', creator.email, `${creator.firstName} ${creator.lastName}`);
      if (state === 'paid' || state === 'partial') {
        const { amount } = invoiceTotals(account, invoice);
        const paidAt = issued + rng.int(5, 29) * DAY;
        const paymentId = ids.next('payment');
        account.payments.set(paymentId, {
          id: paymentId,
          invoiceId: id,
          amount: state === 'paid' ? amount : Math.round(amount * 50) / 100,
          paidAt,
          paidDate: isoDate(paidAt),
          recordedBy: `${creator.firstName} ${creator.lastName}`,
          recordedByEmail: creator.email,
          notes: state === 'paid' ? 'Paid by bank transfer' : 'First instalment',
          transactionId: null,
          createdAt: paidAt,
          updatedAt: paidAt,
        });
        if (state === 'paid')
          Object.assign(invoice, { paidAt, paidDate: isoDate(paidAt), updatedAt: paidAt });
      }
    }
  }
  seedExpenses(ctx, plan);
  return byClient;
}

function addMessage(
  ctx: SeedContext,
  invoice: InvoiceRecord,
  eventType: 'send' | 'close',
  email: string,
  name: string,
) {
  const id = ctx.ids.next('message');
  const at = eventType === 'send' ? invoice.sentAt! : invoice.closedAt!;
  ctx.account.messages.set(id, {
    id,
    invoiceId: invoice.id,
    sentBy: name,
    sentByEmail: email,
    recipients: [],
    subject: null,
    body: null,
    attachPdf: false,
    sendMeACopy: false,
    thankYou: false,
    eventType,
    reminder: false,
    sendReminderOn: null,
    createdAt: at,
    updatedAt: at,
  });
}

function seedExpenses(ctx: SeedContext, plan: WorkPlan): void {
  const { rng, ids, account } = ctx;
  const categories = EXPENSE_CATEGORIES.map((c, i) => {
    const id = ids.next('expenseCategory');
    const at = daysAgo(ctx, 410 - i);
    account.expenseCategories.set(id, { id, ...c, createdAt: at, updatedAt: at });
    return id;
  });
  const users = [...plan.userProjects.keys()];
  const count = Math.max(10, Math.min(5000, users.length * 2));
  for (let i = 0; i < count; i++) {
    const userId = rng.pick(users);
    const projectId = rng.pick(plan.userProjects.get(userId)!);
    const categoryId = rng.pick(categories);
    const category = account.expenseCategories.get(categoryId)!;
    const units = category.unitPrice ? rng.int(5, 120) : null;
    const at = daysAgo(ctx, rng.int(1, 120));
    const id = ids.next('expense');
    const old = ctx.now - at > 45 * DAY;
    account.expenses.set(id, {
      id,
      userId,
      projectId,
      categoryId,
      spentDate: isoDate(at),
      notes: rng.pick(['Train to client site', 'Team lunch', 'Design tool licence', 'Taxi', null]),
      units,
      totalCost:
        units && category.unitPrice ? Math.round(units * category.unitPrice * 100) / 100 : rng.int(10, 400),
      billable: rng.chance(0.6),
      isLocked: old,
      isBilled: false,
      invoiceId: null,
      approvalStatus: old ? 'approved' : 'unsubmitted',
      createdAt: at,
      updatedAt: at,
    });
  }
}
