import type { ErrorResponse } from '@harvest-connect/protocol';

/** Codes the client itself detects, besides the server's `ErrorCode`s. */
export type ClientErrorCode = 'client.network' | 'client.bad_response' | 'client.no_session_token';

/**
 * Every failed call of the data API rejects with this: `code` is the protocol's error code (or a `client.*`
 * code when no server answer was usable), `status` the HTTP status (0 without one).
 *
 * @example
 * try { await client.get('/v1/tools/company'); }
 * catch (e) { if (e instanceof HarvestConnectError && e.code === 'auth.scope_denied') showNoAccess(); }
 */
export class HarvestConnectError extends Error {
  override readonly name = 'HarvestConnectError';
  readonly code: string;
  readonly status: number;
  readonly details: NonNullable<ErrorResponse['error']['details']>;

  constructor(
    code: string,
    message: string,
    options: { status?: number; details?: ErrorResponse['error']['details']; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = options.status ?? 0;
    this.details = options.details ?? [];
  }
}

/**
 * True when `error` is a `HarvestConnectError`, optionally with the given code.
 *
 * @example
 * if (isHarvestConnectError(error, 'integrated_account.needs_reauth')) showReconnect();
 */
export function isHarvestConnectError(error: unknown, code?: string): error is HarvestConnectError {
  return error instanceof HarvestConnectError && (code === undefined || error.code === code);
}
