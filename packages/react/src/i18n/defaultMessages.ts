import { connectMessages } from '../connect/connectMessages';
import { invoiceMessages } from '../invoices/invoiceMessages';
import { timerMessages } from '../timer/timerMessages';
import { userPickerMessages } from '../user-picker/userPickerMessages';
import { utilizationMessages } from '../utilization/utilizationMessages';
import type { Messages } from './messages';

/**
 * Every default string, in English: a template for a translation (each widget only bundles its own).
 *
 * @example
 * const fr: Partial<Messages> = { ...pick(defaultMessages, ['timerStart']), timerStart: 'Démarrer' };
 */
export const defaultMessages: Messages = {
  ...connectMessages,
  ...userPickerMessages,
  ...timerMessages,
  ...invoiceMessages,
  ...utilizationMessages,
};
