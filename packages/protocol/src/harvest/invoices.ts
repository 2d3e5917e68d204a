import type { HarvestDate, HarvestDateTime, HarvestRef } from './common';
import type { HarvestProjectRef } from './projects';

export type HarvestInvoiceState = 'draft' | 'open' | 'paid' | 'closed';

export interface HarvestInvoiceLineItem {
  id: number;
  project: HarvestProjectRef | null;
  kind: string;
  description: string;
  quantity: number;
  unit_price: number;
  amount: number;
  taxed: boolean;
  taxed2: boolean;
}

/** `GET /v2/invoices/{id}` (fact sheet §5.7). */
export interface HarvestInvoice {
  id: number;
  client_key: string;
  number: string;
  purchase_order: string;
  amount: number;
  due_amount: number;
  tax: number | null;
  tax_amount: number;
  tax2: number | null;
  tax2_amount: number;
  discount: number | null;
  discount_amount: number;
  subject: string;
  notes: string;
  state: HarvestInvoiceState;
  period_start: HarvestDate | null;
  period_end: HarvestDate | null;
  issue_date: HarvestDate;
  due_date: HarvestDate;
  payment_term: string;
  payment_options: string[];
  sent_at: HarvestDateTime | null;
  paid_at: HarvestDateTime | null;
  paid_date: HarvestDate | null;
  closed_at: HarvestDateTime | null;
  recurring_invoice_id: number | null;
  created_at: HarvestDateTime;
  updated_at: HarvestDateTime;
  currency: string;
  client: HarvestRef;
  estimate: { id: number } | null;
  retainer: { id: number } | null;
  creator: HarvestRef;
  line_items: HarvestInvoiceLineItem[];
}

/** `GET /v2/invoices/{id}/payments` (fact sheet §5.7). */
export interface HarvestInvoicePayment {
  id: number;
  amount: number;
  paid_at: HarvestDateTime;
  paid_date: HarvestDate;
  recorded_by: string;
  recorded_by_email: string;
  notes: string;
  transaction_id: string | null;
  payment_gateway: { id: number | null; name: string | null };
  created_at: HarvestDateTime;
  updated_at: HarvestDateTime;
}

export type HarvestInvoiceEventType = 'send' | 'close' | 're-open' | 'draft';

/** `GET /v2/invoices/{id}/messages` (fact sheet §5.7). */
export interface HarvestInvoiceMessage {
  id: number;
  sent_by: string;
  sent_by_email: string;
  sent_from: string;
  sent_from_email: string;
  recipients: Array<{ name: string; email: string }>;
  subject: string | null;
  body: string | null;
  attach_pdf: boolean;
  send_me_a_copy: boolean;
  thank_you: boolean;
  event_type: HarvestInvoiceEventType | null;
  reminder: boolean;
  send_reminder_on: HarvestDate | null;
  created_at: HarvestDateTime;
  updated_at: HarvestDateTime;
}
