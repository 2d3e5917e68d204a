import type { InvoiceWithStatus } from '@harvest-connect/protocol';
import { formatDay, formatMoney } from '../i18n/format';
import { useHarvestConnect } from '../provider/context';
import type { InvoiceMessages } from './invoiceMessages';
import { acceptsPayment, type InvoiceBadgeState, invoiceBadgeState } from './invoiceState';
import { PaymentHistory } from './PaymentHistory';
import { RecordPayment } from './RecordPayment';

/** Props of `InvoiceRow`. */
export interface InvoiceRowProps {
  /** The invoice shown. */
  invoice: InvoiceWithStatus;
  /** Today, `YYYY-MM-DD`, for the overdue check. */
  today: string;
  /** Strings. */
  messages: InvoiceMessages;
  /** Whether the details (payments, record payment) are open. */
  expanded: boolean;
  /** Opens or closes the details. */
  onToggle: () => void;
}

/**
 * A state badge: draft, open, paid, closed or overdue.
 *
 * @example
 * <InvoiceBadge state="overdue" messages={invoiceMessages} />
 */
export function InvoiceBadge({
  state,
  messages: t,
}: {
  state: InvoiceBadgeState;
  messages: InvoiceMessages;
}) {
  const text = {
    draft: t.invoiceStateDraft,
    open: t.invoiceStateOpen,
    paid: t.invoiceStatePaid,
    closed: t.invoiceStateClosed,
    overdue: t.invoiceStateOverdue,
  }[state];
  return (
    <span className={`hc-badge hc-invoice-badge hc-invoice-badge--${state}`} data-state={state}>
      {text}
    </span>
  );
}

/**
 * One invoice of the panel, with a disclosure button for its payments and the record-payment form.
 *
 * @example
 * <InvoiceRow invoice={invoice} today="2026-12-04" messages={t} expanded={false} onToggle={toggle} />
 */
export function InvoiceRow({ invoice, today, messages: t, expanded, onToggle }: InvoiceRowProps) {
  const { locale } = useHarvestConnect();
  const state = invoiceBadgeState(invoice, today);
  const detailsId = `hc-invoice-${invoice.id}-details`;
  return (
    <>
      <tr className="hc-invoices__row" data-state={state}>
        <td>
          <button
            type="button"
            className="hc-invoices__toggle"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            aria-label={t.invoiceDetails(invoice.number)}
            onClick={onToggle}
          >
            {invoice.number}
          </button>
        </td>
        <td>{invoice.client.name}</td>
        <td>{formatDay(invoice.due_date, locale)}</td>
        <td className="hc-invoices__num">{formatMoney(invoice.amount, invoice.currency, locale)}</td>
        <td className="hc-invoices__num">{formatMoney(invoice.due_amount, invoice.currency, locale)}</td>
        <td>
          <InvoiceBadge state={state} messages={t} />
        </td>
      </tr>
      {expanded ? (
        <tr id={detailsId} className="hc-invoices__details">
          <td colSpan={6}>
            <PaymentHistory invoice={invoice} messages={t} />
            {acceptsPayment(invoice) ? <RecordPayment invoice={invoice} /> : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
