import type { HarvestInvoicePayment, InvoiceWithStatus, ListResponse } from '@harvest-connect/protocol';

const stamp = '2026-11-01T09:00:00Z';

export function makeInvoice(id: number, overrides: Partial<InvoiceWithStatus> = {}): InvoiceWithStatus {
  return {
    id,
    client_key: `key${id}`,
    number: `INV-${id}`,
    purchase_order: '',
    amount: 1234.5,
    due_amount: 1234.5,
    tax: null,
    tax_amount: 0,
    tax2: null,
    tax2_amount: 0,
    discount: null,
    discount_amount: 0,
    subject: `Work ${id}`,
    notes: '',
    state: 'open',
    period_start: null,
    period_end: null,
    issue_date: '2026-11-01',
    due_date: '2099-12-31',
    payment_term: 'net 30',
    payment_options: [],
    sent_at: stamp,
    paid_at: null,
    paid_date: null,
    closed_at: null,
    recurring_invoice_id: null,
    created_at: stamp,
    updated_at: stamp,
    currency: 'EUR',
    client: { id: 1, name: 'Acme GmbH' },
    estimate: null,
    retainer: null,
    creator: { id: 1000, name: 'Ada Lovelace' },
    line_items: [],
    overdue: false,
    ...overrides,
  };
}

export function makePayment(
  id: number,
  overrides: Partial<HarvestInvoicePayment> = {},
): HarvestInvoicePayment {
  return {
    id,
    amount: 100,
    paid_at: stamp,
    paid_date: '2026-11-15',
    recorded_by: 'Ada Lovelace',
    recorded_by_email: 'ada@example.com',
    notes: '',
    transaction_id: null,
    payment_gateway: { id: null, name: null },
    created_at: stamp,
    updated_at: stamp,
    ...overrides,
  };
}

/** The cache shape of an infinite list query with the given pages. */
export function pages<T>(...list: Array<ListResponse<T>>) {
  return { pages: list, pageParams: list.map((_, i) => (i === 0 ? undefined : `c${i}`)) };
}
