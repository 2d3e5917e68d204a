import type { UpstreamErrorCode } from '@harvest-connect/protocol';
import { ApiError } from '../errors';

/**
 * An `ApiError` that tells the caller when to come back: the data API answers it with a `Retry-After` header
 * (whole seconds). Thrown when the limiter sheds load or Harvest keeps a key paused for too long.
 *
 * @example
 * throw new RetryLaterError('upstream.queue_full', 'Too many calls are waiting for this account.', 12);
 */
export class RetryLaterError extends ApiError {
  readonly retryAfterSeconds: number;

  constructor(code: UpstreamErrorCode, message: string, retryAfterSeconds: number) {
    super(code, message);
    this.name = 'RetryLaterError';
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}
