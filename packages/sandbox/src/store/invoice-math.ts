import type { InvoiceRecord } from './records';
import type { AccountStore } from './store';

/**
 * Rounds an amount to the cent, as Harvest reports money.
 *
 * @example
 * cents(10.005 * 3); // 30.02
 */
export const cents = (n: number) => Math.round(n * 100) / 100;

/** Amounts Harvest derives from line items, tax, discount and payments. */
export interface InvoiceTotals {
  amount: number;
  dueAmount: number;
  taxAmount: number;
  tax2Amount: number;
  discountAmount: number;
  paid: number;
}

/**
 * @example
 * const { amount, dueAmount } = invoiceTotals(account, invoice);
 */
export function invoiceTotals(account: AccountStore, invoice: InvoiceRecord): InvoiceTotals {
  let subtotal = 0;
  let taxable = 0;
  let taxable2 = 0;
  for (const item of invoice.lineItems) {
    const amount = cents(item.quantity * item.unitPrice);
    subtotal += amount;
    if (item.taxed) taxable += amount;
    if (item.taxed2) taxable2 += amount;
  }
  const discountAmount = cents((subtotal * (invoice.discount ?? 0)) / 100);
  const factor = 1 - (invoice.discount ?? 0) / 100;
  const taxAmount = cents((taxable * factor * (invoice.tax ?? 0)) / 100);
  const tax2Amount = cents((taxable2 * factor * (invoice.tax2 ?? 0)) / 100);
  const amount = cents(subtotal - discountAmount + taxAmount + tax2Amount);
  let paid = 0;
  for (const p of account.payments.values()) if (p.invoiceId === invoice.id) paid += p.amount;
  paid = cents(paid);
  return {
    amount,
    dueAmount: cents(Math.max(0, amount - paid)),
    taxAmount,
    tax2Amount,
    discountAmount,
    paid,
  };
}
