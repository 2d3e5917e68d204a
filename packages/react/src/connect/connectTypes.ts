import type { Connect } from '@harvest-connect/connect';

/**
 * The connect SDK instance as the widgets use it: `createConnect()` and the test double `createTestConnect()`
 * both fit.
 */
export type ConnectLike = Pick<
  Connect,
  'open' | 'reconnect' | 'close' | 'handleRedirect' | 'subscribe' | 'getSnapshot'
>;

/** A link token, or a function fetching one (called once the window is open, so the popup is never blocked). */
export type LinkTokenInput = string | (() => string | Promise<string>);
