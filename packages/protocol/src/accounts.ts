/** How an integrated account authenticates to Harvest. */
export type AuthType = 'oauth' | 'pat';

/**
 * `active`: calls work. `needs_reauth`: Harvest refused our refresh token (the grant was revoked or expired);
 * the end user must reconnect, and no call reaches Harvest until then. `disconnected`: deleted by the product.
 */
export type IntegratedAccountStatus = 'active' | 'needs_reauth' | 'disconnected';

/** A customer's linked Harvest account, as the product sees it. No credential ever appears here. */
export interface IntegratedAccount {
  id: string;
  end_user_id: string;
  harvest_account: { id: number; name: string };
  harvest_user: { id: number; name: string; email: string };
  auth_type: AuthType;
  status: IntegratedAccountStatus;
  created_at: string;
  updated_at: string;
  last_refreshed_at: string | null;
}

/**
 * `GET /v1/integrated-accounts/current` with `Authorization: Bearer <session token>`: the account the session
 * token acts for, so a widget can show "Connected as ..." or offer Reconnect. A `needs_reauth` account is still
 * described (status `needs_reauth`), not refused.
 */
export interface CurrentIntegratedAccountResponse {
  result: IntegratedAccount;
}

/** `POST /v1/link-tokens` body. With `integrated_account_id` the flow reconnects that account. */
export interface CreateLinkTokenRequest {
  end_user_id: string;
  origin: string;
  integrated_account_id?: string;
}

export interface CreateLinkTokenResponse {
  link_token: string;
  expires_at: string;
  connect_url: string;
}

/** What a session token may do. */
export type SessionScope =
  | 'user_directory:read'
  | 'time:read'
  | 'time:write'
  | 'invoices:read'
  | 'invoices:write';

/**
 * Every session-token scope, for validation and documentation.
 *
 * @example
 * SESSION_SCOPES.includes(scope as SessionScope); // validates a requested scope
 */
export const SESSION_SCOPES: readonly SessionScope[] = [
  'user_directory:read',
  'time:read',
  'time:write',
  'invoices:read',
  'invoices:write',
];

/** `POST /v1/session-tokens` body. */
export interface CreateSessionTokenRequest {
  integrated_account_id: string;
  scopes?: SessionScope[];
  /** Seconds, at most 3600. */
  expires_in?: number;
}

export interface CreateSessionTokenResponse {
  session_token: string;
  expires_at: string;
}

/** Webhook events sent to the product's backend. */
export type WebhookEventType =
  | 'account.connected'
  | 'account.reconnected'
  | 'account.needs_reauth'
  | 'account.disconnected';

/**
 * The header of every webhook delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with
 * the tenant's webhook secret. Receivers recompute it, compare in constant time, and refuse old timestamps.
 *
 * @example
 * const signature = request.headers.get(WEBHOOK_SIGNATURE_HEADER);
 */
export const WEBHOOK_SIGNATURE_HEADER = 'Harvest-Connect-Signature';

export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  created_at: string;
  data: { integrated_account: IntegratedAccount };
}

/**
 * Token prefixes: a token is recognisable (and rejectable) by its prefix alone.
 *
 * @example
 * if (!key.startsWith(TOKEN_PREFIXES.apiKey)) throw new Error('not an API key');
 */
export const TOKEN_PREFIXES = {
  apiKey: 'hc_sk_',
  linkToken: 'hc_lt_',
  sessionToken: 'hc_st_',
} as const;
