export {
  type ClientOptions,
  createClient,
  type HarvestConnectClient,
  type QueryParams,
} from './client/createClient';
export {
  type ClientErrorCode,
  HarvestConnectError,
  isHarvestConnectError,
} from './client/HarvestConnectError';
export type { SessionTokenResult } from './client/tokenSource';
export { ConnectButton, type ConnectButtonProps } from './connect/ConnectButton';
export {
  type ConnectionState,
  ConnectionStatus,
  type ConnectionStatusProps,
} from './connect/ConnectionStatus';
export { type ConnectMessages, connectMessages } from './connect/connectMessages';
export type { ConnectLike, LinkTokenInput } from './connect/connectTypes';
export { type UseConnectOptions, useConnect } from './connect/useConnect';
export { defaultMessages } from './i18n/defaultMessages';
export { formatDay, formatElapsed, formatHours, formatMoney, formatPercent } from './i18n/format';
export type { Messages } from './i18n/messages';
export { useMessages } from './i18n/useMessages';
export { InvoiceBadge, InvoiceRow, type InvoiceRowProps } from './invoices/InvoiceRow';
export {
  type InvoiceStateFilter,
  InvoiceStatusPanel,
  type InvoiceStatusPanelProps,
} from './invoices/InvoiceStatusPanel';
export { type InvoiceMessages, invoiceMessages } from './invoices/invoiceMessages';
export { acceptsPayment, type InvoiceBadgeState, invoiceBadgeState } from './invoices/invoiceState';
export { PaymentHistory, type PaymentHistoryProps } from './invoices/PaymentHistory';
export {
  initialPaymentForm,
  type PaymentErrorCode,
  type PaymentField,
  type PaymentFormAction,
  type PaymentFormState,
  paymentFormReducer,
  toPaymentRequest,
  validatePayment,
} from './invoices/paymentFormReducer';
export { RecordPayment, type RecordPaymentProps } from './invoices/RecordPayment';
export { type HarvestConnectContextValue, type Theme, useHarvestConnect } from './provider/context';
export { HarvestConnectProvider, type HarvestConnectProviderProps } from './provider/HarvestConnectProvider';
export { useHarvestQueryClient } from './provider/queryClientContext';
export { accountKeys, accountQueries } from './queries/account';
export { type InvoiceFilters, invoiceKeys, invoiceQueries } from './queries/invoices';
export { RUNNING_TIMER_POLL_MS, timeKeys, timeQueries } from './queries/timers';
export { type UserListFilters, userDirectoryKeys, userDirectoryQueries } from './queries/userDirectory';
export { utilizationKeys, utilizationQueries } from './queries/utilization';
export { clockListenerCount, useNowSeconds } from './timer/clock';
export { readLastChoice, writeLastChoice } from './timer/lastChoice';
export { TimerButton, type TimerButtonProps } from './timer/TimerButton';
export { TimerStartForm, type TimerStartFormProps } from './timer/TimerStartForm';
export {
  type DefaultProject,
  defaultTaskId,
  initialTimerForm,
  type TimerFormAction,
  type TimerFormState,
  timerFormReducer,
} from './timer/timerFormReducer';
export { type TimerMessages, timerMessages } from './timer/timerMessages';
export {
  broadcastTimerChange,
  subscribeTimerSync,
  TIMER_CHANNEL,
  type TimerChangedMessage,
} from './timer/timerSync';
export { type TimerUiState, timerUiStore } from './timer/timerUiStore';
export {
  elapsedSeconds,
  type TimerButtonApi,
  type TimerExternalReference,
  type TimerStatus,
  type UseTimerButtonOptions,
  useTimerButton,
} from './timer/useTimerButton';
export { Avatar, type AvatarProps } from './user-picker/Avatar';
export { filterUsers, initials, type UserFilters } from './user-picker/filterUsers';
export { UserPicker, type UserPickerProps } from './user-picker/UserPicker';
export { type UserPickerMessages, userPickerMessages } from './user-picker/userPickerMessages';
export {
  initialUserPickerState,
  type UserPickerAction,
  type UserPickerState,
  userPickerReducer,
} from './user-picker/userPickerReducer';
export {
  type UserDirectoryResult,
  type UseUserDirectoryOptions,
  useUserDirectory,
} from './user-picker/useUserDirectory';
export { type UserPickerApi, type UseUserPickerOptions, useUserPicker } from './user-picker/useUserPicker';
export { groupUtilization } from './utilization/groupUtilization';
export { UtilizationOverview, type UtilizationOverviewProps } from './utilization/UtilizationOverview';
export { type UtilizationMessages, utilizationMessages } from './utilization/utilizationMessages';
export { localDay } from './utils/localDay';
export { useControllableState } from './utils/useControllableState';
export { useDebouncedValue } from './utils/useDebouncedValue';
export { cx } from './utils/useRootProps';
