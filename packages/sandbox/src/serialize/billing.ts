import type {
  HarvestExpense,
  HarvestInvoice,
  HarvestInvoiceMessage,
  HarvestInvoicePayment,
} from '@harvest-connect/protocol';
import { isoDateTime } from '../core/dates';
import { cents, invoiceTotals } from '../store/invoice-math';
import type { ExpenseRecord, InvoiceRecord, MessageRecord, PaymentRecord } from '../store/records';
import type { AccountStore } from '../store/store';
import type { EntryLookups } from './entry-lookups';
import { entryRefs } from './entry-refs';
import { projectRef } from './work';

export function serializeInvoice(account: AccountStore, i: InvoiceRecord): HarvestInvoice {
  const t = invoiceTotals(account, i);
  const client = account.clients.get(i.clientId);
  const creator = account.users.get(i.creatorId);
  return {
    id: i.id,
    client_key: i.clientKey,
    number: i.number,
    purchase_order: i.purchaseOrder,
    amount: t.amount,
    due_amount: t.dueAmount,
    tax: i.tax,
    tax_amount: t.taxAmount,
    tax2: i.tax2,
    tax2_amount: t.tax2Amount,
    discount: i.discount,
    discount_amount: t.discountAmount,
    subject: i.subject,
    notes: i.notes,
    state: i.state,
    period_start: i.periodStart,
    period_end: i.periodEnd,
    issue_date: i.issueDate,
    due_date: i.dueDate,
    payment_term: i.paymentTerm,
    payment_options: [...i.paymentOptions],
    sent_at: i.sentAt === null ? null : isoDateTime(i.sentAt),
    paid_at: i.paidAt === null ? null : isoDateTime(i.paidAt),
    paid_date: i.paidDate,
    closed_at: i.closedAt === null ? null : isoDateTime(i.closedAt),
    recurring_invoice_id: null,
    created_at: isoDateTime(i.createdAt),
    updated_at: isoDateTime(i.updatedAt),
    currency: i.currency,
    client: { id: i.clientId, name: client?.name ?? '' },
    estimate: null,
    retainer: null,
    creator: { id: i.creatorId, name: creator ? `${creator.firstName} ${creator.lastName}` : '' },
    line_items: i.lineItems.map((li) => ({
      id: li.id,
      kind: li.kind,
      description: li.description,
      quantity: li.quantity,
      unit_price: li.unitPrice,
      amount: cents(li.quantity * li.unitPrice),
      taxed: li.taxed,
      taxed2: li.taxed2,
      project: li.projectId === null ? null : projectRef(account, li.projectId),
    })),
  };
}

export function serializePayment(p: PaymentRecord): HarvestInvoicePayment {
  return {
    id: p.id,
    amount: p.amount,
    paid_at: isoDateTime(p.paidAt),
    paid_date: p.paidDate,
    recorded_by: p.recordedBy,
    recorded_by_email: p.recordedByEmail,
    notes: p.notes,
    transaction_id: p.transactionId,
    payment_gateway: { id: null, name: null },
    created_at: isoDateTime(p.createdAt),
    updated_at: isoDateTime(p.updatedAt),
  };
}

export function serializeMessage(m: MessageRecord): HarvestInvoiceMessage {
  return {
    id: m.id,
    sent_by: m.sentBy,
    sent_by_email: m.sentByEmail,
    sent_from: m.sentBy,
    sent_from_email: m.sentByEmail,
    recipients: m.recipients.map((r) => ({ ...r })),
    subject: m.subject,
    body: m.body,
    attach_pdf: m.attachPdf,
    send_me_a_copy: m.sendMeACopy,
    thank_you: m.thankYou,
    event_type: m.eventType,
    reminder: m.reminder,
    send_reminder_on: m.sendReminderOn,
    created_at: isoDateTime(m.createdAt),
    updated_at: isoDateTime(m.updatedAt),
  };
}

export function serializeExpense(l: EntryLookups, e: ExpenseRecord): HarvestExpense {
  const category = l.account.expenseCategories.get(e.categoryId);
  return {
    id: e.id,
    spent_date: e.spentDate,
    ...entryRefs(l, e),
    expense_category: {
      id: e.categoryId,
      name: category?.name ?? '',
      unit_price: category?.unitPrice ?? null,
      unit_name: category?.unitName ?? null,
    },
    receipt: null,
    notes: e.notes,
    units: e.units,
    total_cost: e.totalCost,
    billable: e.billable,
    is_closed: e.approvalStatus === 'approved',
    is_locked: e.isLocked,
    is_billed: e.isBilled,
    locked_reason: e.isLocked ? 'Item Approved and Locked for this Time Period' : null,
    approval_status: e.approvalStatus,
    created_at: isoDateTime(e.createdAt),
    updated_at: isoDateTime(e.updatedAt),
  };
}
