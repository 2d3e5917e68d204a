import type { ConnectEvent, ConnectOutcome, ConnectSuccess } from '@harvest-connect/protocol';

/** The link token: a value, a promise, or a function called once the window is open. */
export type LinkTokenSource = string | Promise<string> | (() => string | Promise<string>);

/** `auto`: a popup, or a same-tab redirect where no popup can open. */
export type ConnectOpenMode = 'auto' | 'popup' | 'redirect';

/**
 * The callbacks of one flow. Each terminal callback runs once, after the promise has resolved.
 *
 * @example
 * connect.handleRedirect({ onSuccess: (result) => toast(`Linked ${result.harvest_account.name}`) });
 */
export interface FlowCallbacks {
  /** The account was linked (or reconnected). */
  onSuccess?: (result: ConnectSuccess, outcome: ConnectOutcome & { type: 'success' }) => void;
  /** Every other outcome: cancelled, blocked, timeout, error. */
  onExit?: (outcome: Exclude<ConnectOutcome, { type: 'success' }>) => void;
  /** Analytics events of this flow, in order. */
  onEvent?: (event: ConnectEvent) => void;
}

/**
 * Options of `connect.open()`.
 *
 * @example
 * connect.open({ linkToken: fetchLinkToken(), mode: 'popup', onSuccess: (r) => save(r.integrated_account_id) });
 */
export interface OpenOptions extends FlowCallbacks {
  /** From the product's backend (`POST /v1/link-tokens`). A promise or function lets the window open first. */
  linkToken: LinkTokenSource;
  /** Defaults to the instance's mode (`auto`). */
  mode?: ConnectOpenMode;
  /** Whole-flow timeout; defaults to the instance's (10 minutes). */
  timeoutMs?: number;
  /** Redirect mode: where the flow returns; defaults to the current URL. Must be on the link token's origin. */
  returnUrl?: string;
  /** Reconnect: the integrated account the link token was created for. */
  integratedAccountId?: string;
}
