import type { InvoiceWithStatus } from '@harvest-connect/protocol';
import { useQuery } from '@tanstack/react-query';
import { formatDay, formatMoney } from '../i18n/format';
import { useHarvestConnect } from '../provider/context';
import { useHarvestQueryClient } from '../provider/queryClientContext';
import { invoiceQueries } from '../queries/invoices';
import type { InvoiceMessages } from './invoiceMessages';

/** Props of `PaymentHistory`. */
export interface PaymentHistoryProps {
  /** The invoice whose payments are listed. */
  invoice: Pick<InvoiceWithStatus, 'id' | 'currency'>;
  /** Strings. */
  messages: InvoiceMessages;
}

/**
 * The payments recorded on an invoice, newest first, with loading, empty and error states.
 *
 * @example
 * <PaymentHistory invoice={invoice} messages={invoiceMessages} />
 */
export function PaymentHistory({ invoice, messages: t }: PaymentHistoryProps) {
  const { client, locale } = useHarvestConnect();
  const queryClient = useHarvestQueryClient();
  const payments = useQuery(invoiceQueries.payments(client, invoice.id), queryClient);

  let body: React.ReactNode;
  if (payments.isPending) body = <p className="hc-payments__message">{t.paymentsLoading}</p>;
  else if (payments.isError)
    body = (
      <p className="hc-payments__message hc-payments__message--error" role="alert">
        {t.paymentsError}
      </p>
    );
  else if (payments.data.length === 0) body = <p className="hc-payments__message">{t.paymentsEmpty}</p>;
  else {
    const sorted = [...payments.data].sort((a, b) => b.paid_date.localeCompare(a.paid_date));
    body = (
      <ul className="hc-payments__list">
        {sorted.map((p) => (
          <li key={p.id} className="hc-payments__item">
            <span className="hc-payments__date">{formatDay(p.paid_date, locale)}</span>
            <span className="hc-payments__amount">{formatMoney(p.amount, invoice.currency, locale)}</span>
            <span className="hc-payments__by">{t.paymentRecordedBy(p.recorded_by)}</span>
            {p.notes ? <span className="hc-payments__notes">{p.notes}</span> : null}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <section className="hc-payments" data-state={payments.status} aria-label={t.paymentsTitle}>
      <h4 className="hc-payments__title">{t.paymentsTitle}</h4>
      {body}
    </section>
  );
}
