import type { ConnectErrorCode, ErrorCode } from './errors';

/** The server records one of these on every connect session; `pending` is the only non-terminal one. */
export type ConnectSessionStatus = 'pending' | 'success' | 'cancelled' | 'error';

export type ConnectMode = 'popup' | 'redirect';

/** What a successful flow linked. */
export interface ConnectSuccess {
  integrated_account_id: string;
  harvest_account: { id: number; name: string };
  harvest_user: { id: number; name: string; email: string };
  /** True when the flow repaired an existing integrated account (same id, new credentials). */
  reconnected: boolean;
}

/**
 * `GET /v1/connect-sessions/:id`, authorised by the link token that started the flow. The SDK polls it: it is
 * the authoritative outcome of the flow, whatever happened to the popup window.
 */
export interface ConnectSession {
  id: string;
  status: ConnectSessionStatus;
  mode: ConnectMode;
  expires_at: string;
  /** Set when `status` is `success`. */
  result: ConnectSuccess | null;
  /** Set when `status` is `error`. */
  error: { code: ConnectErrorCode | ErrorCode; message: string } | null;
}

/**
 * `POST /v1/connect-sessions` with `Authorization: Bearer <link_token>`: the SDK starts the flow and learns the
 * session to poll. The nonce comes back in the popup's message, which lets the SDK tell its own flow's message
 * from any other.
 */
export interface StartConnectSessionRequest {
  nonce: string;
  mode: ConnectMode;
  /** Redirect mode: where the flow returns. Must be on the link token's origin. */
  return_url?: string;
  /**
   * Reconnect (`connect.reconnect(id, linkToken)`): the integrated account the page expects this link token to
   * repair. Optional; when present the server checks it against the account the link token was created for and
   * answers 400 `link_token.invalid` on a mismatch, so a page never "reconnects" the wrong account.
   */
  integrated_account_id?: string;
}

export interface StartConnectSessionResponse {
  session: ConnectSession;
  /** Open this in the popup (or navigate the tab to it in redirect mode). */
  connect_url: string;
}

/**
 * The type of the one message the last popup page posts to its opener.
 *
 * @example
 * if (event.origin === serverOrigin && event.data?.type === POPUP_MESSAGE_TYPE) settle(event.data.status);
 */
export const POPUP_MESSAGE_TYPE = 'harvest-connect:result';

/**
 * Posted by the popup's last page to the exact origin recorded on the link token. Nothing secret: the SDK
 * confirms the outcome with the server before it resolves.
 */
export interface PopupResultMessage {
  type: typeof POPUP_MESSAGE_TYPE;
  session_id: string;
  nonce: string;
  status: Exclude<ConnectSessionStatus, 'pending'>;
}

/**
 * The type of the optional progress messages the popup may post (analytics only, never an outcome).
 *
 * @example
 * if (event.origin === serverOrigin && event.data?.type === POPUP_EVENT_TYPE) onEvent(event.data);
 */
export const POPUP_EVENT_TYPE = 'harvest-connect:event';

/**
 * Progress posted by a popup page to the same exact opener origin, with the flow's nonce (for example once the
 * user picked one of several Harvest accounts). The SDK forwards it to `onEvent` after the same origin, source
 * and nonce checks as the result message; it never decides an outcome.
 */
export interface PopupEventMessage {
  type: typeof POPUP_EVENT_TYPE;
  session_id: string;
  nonce: string;
  name: 'account_selected';
}

/**
 * Query parameter the server appends to `return_url` when a redirect-mode flow ends.
 *
 * @example
 * const sessionId = new URL(location.href).searchParams.get(REDIRECT_SESSION_PARAM);
 */
export const REDIRECT_SESSION_PARAM = 'harvest_connect_session';

/**
 * The one terminal outcome the SDK delivers, exactly once. `blocked`: no window could be opened and redirect
 * was not allowed. `timeout`: the whole-flow timeout passed.
 */
export type ConnectOutcome =
  | { type: 'success'; session_id: string; result: ConnectSuccess }
  | { type: 'cancelled'; session_id: string | null }
  | { type: 'blocked' }
  | { type: 'timeout'; session_id: string | null }
  | { type: 'error'; session_id: string | null; code: ErrorCode | ConnectClientErrorCode; message: string };

/** Errors the SDK itself detects (no server involved). */
export type ConnectClientErrorCode =
  | 'client.link_token_failed'
  | 'client.network'
  | 'client.invalid_options'
  | 'client.closed';

/**
 * Every code the SDK itself may report, for validation and documentation.
 *
 * @example
 * CONNECT_CLIENT_ERRORS.includes('client.closed'); // true
 */
export const CONNECT_CLIENT_ERRORS: readonly ConnectClientErrorCode[] = [
  'client.link_token_failed',
  'client.network',
  'client.invalid_options',
  'client.closed',
];

/** Analytics events the SDK emits, in order of a typical flow. */
export type ConnectEventName =
  | 'open'
  | 'window_opened'
  | 'redirect'
  | 'session_started'
  | 'account_selected'
  | 'window_closed'
  | 'success'
  | 'exit';

/**
 * One analytics event of a flow, passed to `onEvent`. Nothing secret: no link token, no nonce.
 *
 * @example
 * connect.open({ linkToken, onEvent: (e) => analytics.track(`harvest_connect_${e.name}`, e) });
 */
export interface ConnectEvent {
  name: ConnectEventName;
  /** Known once the server started the connect session. */
  session_id: string | null;
  /** On `success` and `exit`: the outcome's type. */
  outcome?: ConnectOutcome['type'];
}
