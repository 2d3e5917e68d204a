/**
 * Error codes of the Harvest Connect API, declared per module. Each code is a stable string a program can switch
 * on; the `message` beside it is for humans. The HTTP status for each lives with the server.
 */

/** Malformed or unacceptable input. */
export const REQUEST_ERRORS = [
  'request.invalid',
  'request.invalid_json',
  'request.body_too_large',
  'request.unsupported_media_type',
  'request.not_found',
  'request.method_not_allowed',
  'request.idempotency_conflict',
] as const;

/** Who is calling, and may they. */
export const AUTH_ERRORS = [
  'auth.missing_credentials',
  'auth.invalid_api_key',
  'auth.invalid_session_token',
  'auth.session_token_expired',
  'auth.scope_denied',
  'auth.origin_denied',
  'auth.tenant_mismatch',
] as const;

/** Link tokens and connect sessions. */
export const CONNECT_ERRORS = [
  'link_token.invalid',
  'link_token.expired',
  'link_token.used',
  'link_token.origin_not_allowed',
  'connect_session.not_found',
  'connect_session.expired',
  'oauth.state_invalid',
  'oauth.state_expired',
  'oauth.state_cookie_mismatch',
  'oauth.access_denied',
  'oauth.code_exchange_failed',
  'oauth.invalid_callback',
  'oauth.no_harvest_account',
  'pat.invalid',
  'pat.account_not_found',
  /** A reconnect flow granted access to a different Harvest account than the one being repaired. */
  'reconnect.account_mismatch',
] as const;

/** Integrated accounts and their Harvest credentials. */
export const ACCOUNT_ERRORS = [
  'integrated_account.not_found',
  'integrated_account.needs_reauth',
  'integrated_account.disconnected',
  'credentials.unreadable',
] as const;

/** Calling Harvest on the caller's behalf. */
export const UPSTREAM_ERRORS = [
  'upstream.rate_limited',
  'upstream.queue_full',
  'upstream.unavailable',
  'upstream.timeout',
  'upstream.bad_response',
  'upstream.forbidden',
  'upstream.not_found',
  'upstream.validation_failed',
  'proxy.path_not_allowed',
] as const;

/** Bugs on our side. A 5xx from our own code is always one of these, and always a bug. */
export const INTERNAL_ERRORS = ['internal.error', 'internal.not_ready'] as const;

export type RequestErrorCode = (typeof REQUEST_ERRORS)[number];
export type AuthErrorCode = (typeof AUTH_ERRORS)[number];
export type ConnectErrorCode = (typeof CONNECT_ERRORS)[number];
export type AccountErrorCode = (typeof ACCOUNT_ERRORS)[number];
export type UpstreamErrorCode = (typeof UPSTREAM_ERRORS)[number];
export type InternalErrorCode = (typeof INTERNAL_ERRORS)[number];

export type ErrorCode =
  | RequestErrorCode
  | AuthErrorCode
  | ConnectErrorCode
  | AccountErrorCode
  | UpstreamErrorCode
  | InternalErrorCode;

/**
 * Every code, for validation and documentation.
 *
 * @example
 * const known = (ERROR_CODES as readonly string[]).includes(body.error.code);
 */
export const ERROR_CODES: readonly ErrorCode[] = [
  ...REQUEST_ERRORS,
  ...AUTH_ERRORS,
  ...CONNECT_ERRORS,
  ...ACCOUNT_ERRORS,
  ...UPSTREAM_ERRORS,
  ...INTERNAL_ERRORS,
];
