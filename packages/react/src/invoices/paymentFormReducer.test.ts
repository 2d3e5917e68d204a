import { describe, expect, it } from 'vitest';
import {
  initialPaymentForm,
  paymentFormReducer as reduce,
  toPaymentRequest,
  validatePayment,
} from './paymentFormReducer';

describe('payment form', () => {
  it('validates the amount against the due amount in cents, and the date', () => {
    expect(validatePayment({ amount: '', date: '2026-12-04' }, 10)).toEqual({ amount: 'amount_required' });
    expect(validatePayment({ amount: 'abc', date: '2026-12-04' }, 10)).toEqual({ amount: 'amount_required' });
    expect(validatePayment({ amount: '0', date: '2026-12-04' }, 10)).toEqual({ amount: 'amount_positive' });
    expect(validatePayment({ amount: '10.01', date: '2026-12-04' }, 10)).toEqual({
      amount: 'amount_too_high',
    });
    expect(validatePayment({ amount: '0.3', date: '2026-12-04' }, 0.1 + 0.2)).toEqual({});
    expect(validatePayment({ amount: '5', date: '04/12/2026' }, 10)).toEqual({ date: 'date_required' });
  });

  it('clears a field error on edit, blocks an invalid submit, and resets after success', () => {
    let s = initialPaymentForm('2026-12-04');
    s = reduce(s, { type: 'submitted', dueAmount: 50 });
    expect(s).toMatchObject({ status: 'editing', errors: { amount: 'amount_required' } });
    s = reduce(s, { type: 'fieldChanged', field: 'amount', value: '20' });
    expect(s.errors).toEqual({});
    s = reduce(s, { type: 'submitted', dueAmount: 50 });
    expect(s.status).toBe('submitting');
    expect(reduce(s, { type: 'failed' }).status).toBe('failed');
    expect(reduce(s, { type: 'succeeded', today: '2026-12-05' })).toEqual({
      ...initialPaymentForm('2026-12-05'),
      status: 'succeeded',
    });
  });

  it('builds the request body', () => {
    expect(toPaymentRequest({ amount: ' 12.5 ', date: '2026-12-04', notes: '  ' })).toEqual({
      amount: 12.5,
      paid_date: '2026-12-04',
    });
    expect(toPaymentRequest({ amount: '1', date: '2026-12-04', notes: 'wire' }).notes).toBe('wire');
  });
});
