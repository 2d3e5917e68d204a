import type { ErrorCode } from '@harvest-connect/protocol';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The HTTP status each protocol code answers with. Codes not listed here answer 400. */
const STATUS: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  'request.body_too_large': 413,
  'request.unsupported_media_type': 415,
  'request.not_found': 404,
  'request.method_not_allowed': 405,
  'request.idempotency_conflict': 409,
  'auth.missing_credentials': 401,
  'auth.invalid_api_key': 401,
  'auth.invalid_session_token': 401,
  'auth.session_token_expired': 401,
  'auth.scope_denied': 403,
  'auth.origin_denied': 403,
  'auth.tenant_mismatch': 403,
  'link_token.invalid': 401,
  'link_token.expired': 401,
  'link_token.used': 409,
  'link_token.origin_not_allowed': 403,
  'connect_session.not_found': 404,
  'connect_session.expired': 410,
  'oauth.state_invalid': 400,
  'oauth.state_expired': 400,
  'oauth.state_cookie_mismatch': 400,
  'oauth.access_denied': 400,
  'oauth.code_exchange_failed': 502,
  'oauth.no_harvest_account': 400,
  'pat.invalid': 400,
  'pat.account_not_found': 400,
  'integrated_account.not_found': 404,
  'integrated_account.needs_reauth': 409,
  'integrated_account.disconnected': 410,
  'credentials.unreadable': 409,
  'upstream.rate_limited': 503,
  'upstream.queue_full': 503,
  'upstream.unavailable': 503,
  'upstream.timeout': 504,
  'upstream.bad_response': 502,
  'upstream.forbidden': 403,
  'upstream.not_found': 404,
  'upstream.validation_failed': 422,
  'internal.error': 500,
  'internal.not_ready': 503,
};

/**
 * The HTTP status for a protocol error code.
 *
 * @example
 * statusOf('link_token.used'); // 409
 */
export function statusOf(code: ErrorCode): ContentfulStatusCode {
  return STATUS[code] ?? 400;
}

/**
 * The one error class of the server: a protocol code, a human message safe to show to the caller, and the HTTP
 * status that goes with the code. Anything else thrown is a bug and answers `500 internal.error`.
 *
 * @example
 * throw new ApiError('link_token.expired', 'This link has expired. Start again from the app.');
 */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly details: Array<{ path: string; message: string }> | undefined;
  /** Whole seconds the caller should wait before trying again; sent as `Retry-After`. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: {
      status?: ContentfulStatusCode;
      details?: Array<{ path: string; message: string }>;
      retryAfterSeconds?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ApiError';
    this.status = options.status ?? statusOf(code);
    this.details = options.details;
    this.retryAfterSeconds =
      options.retryAfterSeconds === undefined ? undefined : Math.max(1, Math.ceil(options.retryAfterSeconds));
  }
}
