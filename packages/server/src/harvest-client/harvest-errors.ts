import { ApiError } from '../errors';

function harvestMessage(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; error_description?: unknown };
    if (typeof parsed.message === 'string') return parsed.message.slice(0, 500);
  } catch {
    // Harvest sometimes answers HTML (an old 500, an empty 429): no message to pass on.
  }
  return null;
}

/**
 * Maps a final (not retried) Harvest error status to our protocol error (fact sheet §4). Harvest's own words are
 * passed on only for 400 and 422, where they describe the caller's input.
 *
 * @example
 * throw harvestError(422, '{"message":"Project can\'t be blank"}');
 */
export function harvestError(status: number, body: string): ApiError {
  if (status === 400)
    return new ApiError(
      'request.invalid',
      harvestMessage(body) ?? 'Harvest refused the request as malformed.',
    );
  if (status === 401)
    return new ApiError(
      'integrated_account.needs_reauth',
      "Harvest no longer accepts this account's access; reconnect it.",
    );
  if (status === 403)
    return new ApiError('upstream.forbidden', "This Harvest user's role does not allow this call.");
  if (status === 404)
    return new ApiError('upstream.not_found', 'Harvest has no such object (or this user cannot see it).');
  if (status === 422)
    return new ApiError(
      'upstream.validation_failed',
      harvestMessage(body) ?? 'Harvest rejected the request as invalid.',
    );
  if (status >= 500)
    return new ApiError('upstream.unavailable', `Harvest answered ${status}; try again shortly.`);
  return new ApiError('upstream.bad_response', `Harvest answered an unexpected ${status}.`);
}
