import type { ConnectClientErrorCode, ConnectOutcome, ErrorCode } from '@harvest-connect/protocol';

/** A failure on the way to an outcome: a code from `protocol` and a message for humans. */
export interface ConnectFailure {
  code: ErrorCode | ConnectClientErrorCode;
  message: string;
  /** Worth retrying (network, 5xx, 429): the poller keeps going instead of ending the flow. */
  transient?: boolean;
}

/**
 * The `error` outcome of a failure (or of a session's recorded error). Anything else thrown on the way would be
 * a bug of ours; it still ends the flow, as `internal.error`.
 *
 * @example
 * settle(errorOutcome(sessionId, { code: 'client.closed', message: 'Closed by the page' }));
 */
export function errorOutcome(sessionId: string | null, cause: unknown): ConnectOutcome {
  const f = cause as Partial<ConnectFailure>;
  return {
    type: 'error',
    session_id: sessionId,
    code: f.code ?? 'internal.error',
    message: f.message ?? 'Connect failed',
  };
}
