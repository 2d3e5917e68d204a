import type { InvoiceWithStatus } from '@harvest-connect/protocol';

/** The badge an invoice shows: Harvest's state, or `overdue` for an open invoice past its due date. */
export type InvoiceBadgeState = 'draft' | 'open' | 'paid' | 'closed' | 'overdue';

/**
 * The badge state of an invoice. The server marks `overdue`; the due date is checked here too, so an invoice
 * fetched yesterday turns overdue at midnight without a refetch.
 *
 * @example
 * invoiceBadgeState(invoice, '2026-12-04'); // "overdue"
 */
export function invoiceBadgeState(
  invoice: Pick<InvoiceWithStatus, 'state' | 'due_date' | 'overdue'>,
  today: string,
): InvoiceBadgeState {
  if (invoice.state !== 'open') return invoice.state;
  return invoice.overdue || invoice.due_date < today ? 'overdue' : 'open';
}

/**
 * True when a payment can be recorded: the invoice is sent (open or overdue) and money is still due.
 *
 * @example
 * acceptsPayment(invoice) && showRecordPayment();
 */
export function acceptsPayment(invoice: Pick<InvoiceWithStatus, 'state' | 'due_amount'>): boolean {
  return invoice.state === 'open' && invoice.due_amount > 0;
}
