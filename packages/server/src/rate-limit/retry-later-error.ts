import type { UpstreamErrorCode } from '@harvest-connect/protocol';
import { ApiError } from '../errors';

/**
 * An `ApiError` that always tells the caller when to come back (`Retry-After`, whole seconds). Thrown when the limiter sheds load or Harvest keeps a key paused for too long.
 *
 * @example
 * throw new RetryLaterError('upstream.queue_full', 'Too many calls are waiting for this account.', 12);
 */
export class RetryLaterError extends ApiError {
  declare readonly retryAfterSeconds: number;

  constructor(code: UpstreamErrorCode, message: string, retryAfterSeconds: number) {
    super(code, message, { retryAfterSeconds });
    this.name = 'RetryLaterError';
  }
}
