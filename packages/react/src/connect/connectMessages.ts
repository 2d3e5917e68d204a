/**
 * Default English strings of the connect widgets; override any of them through the provider's `messages`.
 *
 * @example
 * <HarvestConnectProvider messages={{ connectButton: 'Link Harvest' }} ... />
 */
export const connectMessages = {
  connectButton: 'Connect Harvest',
  connectConnecting: 'Connecting…',
  connectReconnect: 'Reconnect',
  connectConnectedAs: (user: string, account: string) => `Connected as ${user} (${account})`,
  connectNeedsReconnect: 'Harvest needs to be reconnected.',
  connectDisconnected: 'Harvest is not connected.',
  connectLoading: 'Checking the Harvest connection…',
  connectCheckFailed: 'The Harvest connection could not be checked.',
  connectFailed: 'Connecting Harvest did not work. Please try again.',
  connectBlocked: 'The Harvest window was blocked. Allow pop-ups and try again.',
};

/** The strings of the connect widgets. */
export type ConnectMessages = typeof connectMessages;
