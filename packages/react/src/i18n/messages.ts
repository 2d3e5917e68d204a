import type { ConnectMessages } from '../connect/connectMessages';
import type { InvoiceMessages } from '../invoices/invoiceMessages';
import type { TimerMessages } from '../timer/timerMessages';
import type { UserPickerMessages } from '../user-picker/userPickerMessages';
import type { UtilizationMessages } from '../utilization/utilizationMessages';

/**
 * Every string of every widget, by key. Pass any subset to the provider's `messages` to override it; values that
 * take arguments are functions.
 *
 * @example
 * const messages: Partial<Messages> = { timerStart: 'Track time', userPickerEmpty: 'Nobody found' };
 */
export interface Messages
  extends ConnectMessages,
    UserPickerMessages,
    TimerMessages,
    InvoiceMessages,
    UtilizationMessages {}
