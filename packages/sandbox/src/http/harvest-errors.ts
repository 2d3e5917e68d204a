import type {
  HarvestInvalidTokenBody,
  HarvestOAuthErrorBody,
  HarvestOAuthErrorCode,
  HarvestStatusErrorBody,
  HarvestValidationErrorBody,
} from '@harvest-connect/protocol';

/** The recorded 401 body (fact sheet §4). */
export const INVALID_TOKEN_BODY: HarvestInvalidTokenBody = {
  error: 'invalid_token',
  error_description: 'The access token provided is expired, revoked, malformed or invalid for other reasons.',
};

/** The recorded `WWW-Authenticate` header of a 401 (fact sheet §4). */
export const WWW_AUTHENTICATE = `Bearer realm="Rack::OAuth2 Protected Resources", error="invalid_token", error_description="${INVALID_TOKEN_BODY.error_description}"`;

/** Standard OAuth descriptions (the v1-era samples in fact sheet §1.4). */
export const OAUTH_DESCRIPTIONS: Record<HarvestOAuthErrorCode, string> = {
  invalid_grant:
    'The provided access grant is invalid, expired, or revoked (e.g. invalid assertion, expired authorization token, bad end-user password credentials, or mismatching authorization code and redirection URI).',
  invalid_client:
    'The client identifier provided is invalid, the client failed to authenticate, the client did not include its credentials, provided multiple client credentials, or used unknown method.',
  invalid_request:
    'The request is missing a required parameter, includes an unsupported parameter or parameter value, repeats the same parameter, uses more than one method for including an access token, or is otherwise malformed.',
  unsupported_grant_type: 'The provided access grant type is not supported.',
};

/**
 * An error that becomes a Harvest response; thrown by routes and turned into JSON by the app's `onError`.
 *
 * @example
 * throw HarvestError.unprocessable("Project can't be blank");
 */
export class HarvestError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 422,
    readonly body:
      | HarvestStatusErrorBody
      | HarvestValidationErrorBody
      | HarvestInvalidTokenBody
      | HarvestOAuthErrorBody,
  ) {
    super('message' in body ? body.message : String(body.error));
  }

  static notFound(): HarvestError {
    return new HarvestError(404, { status: 404, error: 'Not Found' });
  }

  /** Sandbox decision: by analogy with the recorded 404 body. */
  static forbidden(): HarvestError {
    return new HarvestError(403, { status: 403, error: 'Forbidden' });
  }

  /** 422 with Harvest's `{"message": ...}`; several messages are joined by ", ". */
  static unprocessable(...messages: string[]): HarvestError {
    return new HarvestError(422, { message: messages.join(', ') });
  }

  static badRequest(message: string): HarvestError {
    return new HarvestError(400, { message });
  }

  static invalidToken(): HarvestError {
    return new HarvestError(401, INVALID_TOKEN_BODY);
  }

  static oauth(code: HarvestOAuthErrorCode, status: 400 | 401 = 400): HarvestError {
    return new HarvestError(status, { error: code, error_description: OAUTH_DESCRIPTIONS[code] });
  }
}
