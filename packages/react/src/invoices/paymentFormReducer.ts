import type { CreatePaymentRequest } from '@harvest-connect/protocol';

/** A field of the record-payment form. */
export type PaymentField = 'amount' | 'date' | 'notes';
/** What is wrong with a field; the widget turns it into a message. */
export type PaymentErrorCode = 'amount_required' | 'amount_positive' | 'amount_too_high' | 'date_required';

/** The record-payment form: raw field text, per-field problems, and the submission's progress. */
export interface PaymentFormState {
  amount: string;
  date: string;
  notes: string;
  errors: Partial<Record<PaymentField, PaymentErrorCode>>;
  status: 'editing' | 'submitting' | 'failed' | 'succeeded';
}

/** Named actions of `paymentFormReducer`. */
export type PaymentFormAction =
  | { type: 'fieldChanged'; field: PaymentField; value: string }
  | { type: 'submitted'; dueAmount: number }
  | { type: 'failed' }
  | { type: 'succeeded'; today: string };

/**
 * The problems of a payment, or none. The amount may not exceed what is due (compared in cents, so 0.1 + 0.2
 * style float noise never rejects an exact payment).
 *
 * @example
 * validatePayment({ amount: '120.50', date: '2026-12-04' }, 100); // { amount: 'amount_too_high' }
 */
export function validatePayment(
  fields: { amount: string; date: string },
  dueAmount: number,
): PaymentFormState['errors'] {
  const errors: PaymentFormState['errors'] = {};
  const text = fields.amount.trim();
  const amount = Number(text);
  if (text === '' || Number.isNaN(amount)) errors.amount = 'amount_required';
  else if (amount <= 0) errors.amount = 'amount_positive';
  else if (Math.round(amount * 100) > Math.round(dueAmount * 100)) errors.amount = 'amount_too_high';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.date) || Number.isNaN(Date.parse(`${fields.date}T00:00:00Z`))) {
    errors.date = 'date_required';
  }
  return errors;
}

/**
 * The request body of a valid form.
 *
 * @example
 * toPaymentRequest({ amount: '50', date: '2026-12-04', notes: '' }); // { amount: 50, paid_date: '2026-12-04' }
 */
export function toPaymentRequest(
  state: Pick<PaymentFormState, 'amount' | 'date' | 'notes'>,
): CreatePaymentRequest {
  const notes = state.notes.trim();
  return { amount: Number(state.amount.trim()), paid_date: state.date, ...(notes ? { notes } : {}) };
}

/**
 * A new form, dated today.
 *
 * @example
 * useReducer(paymentFormReducer, initialPaymentForm('2026-12-04'));
 */
export function initialPaymentForm(today: string): PaymentFormState {
  return { amount: '', date: today, notes: '', errors: {}, status: 'editing' };
}

/**
 * The form's pure reducer. Editing a field clears that field's problem; submitting validates everything.
 *
 * @example
 * paymentFormReducer(state, { type: 'submitted', dueAmount: invoice.due_amount });
 */
export function paymentFormReducer(state: PaymentFormState, action: PaymentFormAction): PaymentFormState {
  switch (action.type) {
    case 'fieldChanged': {
      const errors = { ...state.errors };
      delete errors[action.field];
      return { ...state, [action.field]: action.value, errors, status: 'editing' };
    }
    case 'submitted': {
      const errors = validatePayment(state, action.dueAmount);
      return { ...state, errors, status: Object.keys(errors).length > 0 ? 'editing' : 'submitting' };
    }
    case 'failed':
      return { ...state, status: 'failed' };
    case 'succeeded':
      return { ...initialPaymentForm(action.today), status: 'succeeded' };
  }
}
