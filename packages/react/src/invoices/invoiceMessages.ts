/**
 * Default English strings of the invoice panel; override any of them through the provider's `messages`.
 *
 * @example
 * <HarvestConnectProvider messages={{ invoiceStateOverdue: 'Late' }} ... />
 */
export const invoiceMessages = {
  invoicesTitle: 'Invoices',
  invoicesFilterLabel: 'State',
  invoicesFilterAll: 'All',
  invoiceStateDraft: 'Draft',
  invoiceStateOpen: 'Open',
  invoiceStatePaid: 'Paid',
  invoiceStateClosed: 'Closed',
  invoiceStateOverdue: 'Overdue',
  invoiceNumber: 'Invoice',
  invoiceClient: 'Client',
  invoiceDueDate: 'Due',
  invoiceAmount: 'Amount',
  invoiceDueAmount: 'Due amount',
  invoiceStatus: 'Status',
  invoiceDetails: (number: string) => `Details of invoice ${number}`,
  invoicesLoading: 'Loading invoices…',
  invoicesEmpty: 'No invoices match.',
  invoicesError: 'Invoices could not be loaded.',
  invoicesRetry: 'Retry',
  invoicesLoadMore: 'Load more',
  paymentsTitle: 'Payments',
  paymentsLoading: 'Loading payments…',
  paymentsEmpty: 'No payments yet.',
  paymentsError: 'Payments could not be loaded.',
  paymentRecordedBy: (name: string) => `recorded by ${name}`,
  recordPaymentTitle: 'Record a payment',
  paymentAmount: 'Amount',
  paymentDate: 'Date',
  paymentNotes: 'Notes',
  paymentSubmit: 'Record payment',
  paymentSubmitting: 'Recording…',
  paymentAmountRequired: 'Enter an amount.',
  paymentAmountPositive: 'The amount must be more than zero.',
  paymentAmountTooHigh: (due: string) => `The amount cannot exceed the due amount (${due}).`,
  paymentDateRequired: 'Enter a valid date.',
  paymentFailed: 'The payment could not be recorded.',
  paymentRecorded: 'Payment recorded.',
};

/** The strings of the invoice widgets. */
export type InvoiceMessages = typeof invoiceMessages;
