import type { ErrorResponse } from '@harvest-connect/protocol';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from '../errors';
import type { Logger } from '../logger';

/** Turns anything thrown into an `ApiError`: ours pass through, Hono's become request errors, the rest 500. */
export function toApiError(error: unknown, log: Logger): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new ApiError('request.body_too_large', 'The request body is too large.');
    if (error.status === 404) return new ApiError('request.not_found', 'Not found.');
    return new ApiError('request.invalid', 'The request could not be processed.', {
      status: error.status as 400,
    });
  }
  // A bug: log it in full server-side, tell the caller nothing about it.
  log.error({ err: error }, 'unhandled error');
  return new ApiError('internal.error', 'Something went wrong on our side.');
}

/**
 * The one `onError` of the JSON API: `{ error: { code, message } }` with the code's status.
 *
 * @example
 * app.onError(errorHandler({ log }));
 */
export function errorHandler(options: { log: Logger }) {
  return (error: unknown, c: Context) => {
    const e = toApiError(error, options.log);
    const body: ErrorResponse = {
      error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) },
    };
    // Every 503 says when to come back: the real wait when we know it (rate limiter, paused key), else a guess.
    const retryAfter = e.retryAfterSeconds ?? (e.status === 503 ? 5 : undefined);
    if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
    return c.json(body, e.status);
  };
}
