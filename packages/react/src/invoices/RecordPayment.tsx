import type { CreatePaymentResponse, InvoiceWithStatus } from '@harvest-connect/protocol';
import { useMutation } from '@tanstack/react-query';
import { useId, useReducer, useRef } from 'react';
import { isHarvestConnectError } from '../client/HarvestConnectError';
import { formatMoney } from '../i18n/format';
import { useMessages } from '../i18n/useMessages';
import { useHarvestConnect } from '../provider/context';
import { useHarvestQueryClient } from '../provider/queryClientContext';
import { invoiceKeys } from '../queries/invoices';
import { localDay } from '../utils/localDay';
import { useRootProps } from '../utils/useRootProps';
import { invoiceMessages } from './invoiceMessages';
import {
  initialPaymentForm,
  type PaymentErrorCode,
  paymentFormReducer,
  toPaymentRequest,
  validatePayment,
} from './paymentFormReducer';

/** Props of `RecordPayment`. */
export interface RecordPaymentProps {
  /** The invoice paid. */
  invoice: InvoiceWithStatus;
  /** Called after Harvest recorded the payment, with its answer. */
  onRecorded?: (response: CreatePaymentResponse) => void;
  /** Drop our styling; class names stay. */
  unstyled?: boolean;
  /** Extra class names on the root. */
  className?: string;
}

/**
 * A form recording a payment against an invoice in Harvest: amount (at most the due amount), date and notes,
 * validated before it is sent. The invoice lists refresh afterwards.
 *
 * @example
 * <RecordPayment invoice={invoice} onRecorded={({ invoice }) => toast(`Due now ${invoice.due_amount}`)} />
 */
export function RecordPayment({ invoice, onRecorded, unstyled, className }: RecordPaymentProps) {
  const t = useMessages(invoiceMessages);
  const { client, locale } = useHarvestConnect();
  const queryClient = useHarvestQueryClient();
  const root = useRootProps('hc-record-payment', unstyled, className);
  const id = useId();
  const [state, dispatch] = useReducer(paymentFormReducer, undefined, () => initialPaymentForm(localDay()));
  const amountRef = useRef<HTMLInputElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const onRecordedRef = useRef(onRecorded);
  onRecordedRef.current = onRecorded;

  const mutation = useMutation(
    {
      mutationFn: (body: ReturnType<typeof toPaymentRequest>) =>
        client.post<CreatePaymentResponse>(`/v1/tools/invoices/${invoice.id}/payments`, body),
      onSuccess: (response) => {
        dispatch({ type: 'succeeded', today: localDay() });
        queryClient.setQueryData(invoiceKeys.detail(invoice.id), response.invoice);
        void queryClient.invalidateQueries({ queryKey: invoiceKeys.all });
        onRecordedRef.current?.(response);
      },
      onError: () => dispatch({ type: 'failed' }),
    },
    queryClient,
  );

  const due = formatMoney(invoice.due_amount, invoice.currency, locale);
  const describe = (code: PaymentErrorCode | undefined) =>
    code === 'amount_required'
      ? t.paymentAmountRequired
      : code === 'amount_positive'
        ? t.paymentAmountPositive
        : code === 'amount_too_high'
          ? t.paymentAmountTooHigh(due)
          : code === 'date_required'
            ? t.paymentDateRequired
            : null;
  const amountError = describe(state.errors.amount);
  const dateError = describe(state.errors.date);
  const serverMessage =
    state.status === 'failed' && isHarvestConnectError(mutation.error) ? mutation.error.message : null;

  return (
    <form
      {...root}
      data-state={state.status}
      aria-label={t.recordPaymentTitle}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors = validatePayment(state, invoice.due_amount);
        dispatch({ type: 'submitted', dueAmount: invoice.due_amount });
        if (errors.amount) amountRef.current?.focus();
        else if (errors.date) dateRef.current?.focus();
        else mutation.mutate(toPaymentRequest(state));
      }}
    >
      <label className="hc-record-payment__field" htmlFor={`${id}-amount`}>
        <span className="hc-record-payment__label">
          {t.paymentAmount} ({invoice.currency})
        </span>
        <input
          ref={amountRef}
          id={`${id}-amount`}
          type="number"
          inputMode="decimal"
          step="0.01"
          min="0"
          max={invoice.due_amount}
          value={state.amount}
          aria-invalid={amountError ? true : undefined}
          aria-describedby={amountError ? `${id}-amount-error` : undefined}
          onChange={(e) => dispatch({ type: 'fieldChanged', field: 'amount', value: e.target.value })}
        />
      </label>
      {amountError ? (
        <p id={`${id}-amount-error`} className="hc-record-payment__field-error">
          {amountError}
        </p>
      ) : null}
      <label className="hc-record-payment__field" htmlFor={`${id}-date`}>
        <span className="hc-record-payment__label">{t.paymentDate}</span>
        <input
          ref={dateRef}
          id={`${id}-date`}
          type="date"
          value={state.date}
          aria-invalid={dateError ? true : undefined}
          aria-describedby={dateError ? `${id}-date-error` : undefined}
          onChange={(e) => dispatch({ type: 'fieldChanged', field: 'date', value: e.target.value })}
        />
      </label>
      {dateError ? (
        <p id={`${id}-date-error`} className="hc-record-payment__field-error">
          {dateError}
        </p>
      ) : null}
      <label className="hc-record-payment__field" htmlFor={`${id}-notes`}>
        <span className="hc-record-payment__label">{t.paymentNotes}</span>
        <textarea
          id={`${id}-notes`}
          rows={2}
          value={state.notes}
          onChange={(e) => dispatch({ type: 'fieldChanged', field: 'notes', value: e.target.value })}
        />
      </label>
      <button
        type="submit"
        className="hc-button hc-button--primary hc-record-payment__submit"
        disabled={state.status === 'submitting'}
      >
        {state.status === 'submitting' ? t.paymentSubmitting : t.paymentSubmit}
      </button>
      {state.status === 'failed' ? (
        <p className="hc-record-payment__error" role="alert">
          {t.paymentFailed}
          {serverMessage ? ` ${serverMessage}` : null}
        </p>
      ) : null}
      {state.status === 'succeeded' ? (
        <p className="hc-record-payment__success" role="status">
          {t.paymentRecorded}
        </p>
      ) : null}
    </form>
  );
}
