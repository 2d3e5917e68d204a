/** 401 body from api.harvestapp.com (fact sheet §4, recorded). */
export interface HarvestInvalidTokenBody {
  error: 'invalid_token';
  error_description: string;
}

/** 403 / 404 body: `{"status":404,"error":"Not Found"}`. */
export interface HarvestStatusErrorBody {
  status: number;
  error: string;
}

/** 422 body: several messages joined by ", ". */
export interface HarvestValidationErrorBody {
  message: string;
}

/** Harvest ID token endpoint errors (standard OAuth). */
export type HarvestOAuthErrorCode =
  | 'invalid_grant'
  | 'invalid_client'
  | 'invalid_request'
  | 'unsupported_grant_type';

export interface HarvestOAuthErrorBody {
  error: HarvestOAuthErrorCode;
  error_description: string;
}
