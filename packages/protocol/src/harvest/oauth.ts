/** `POST https://id.getharvest.com/api/v2/oauth2/token` success body. */
export interface HarvestTokenResponse {
  access_token: string;
  refresh_token: string;
  token_type: 'bearer';
  expires_in: number;
}

/** `GET https://id.getharvest.com/api/v2/accounts`. */
export interface HarvestAccountsResponse {
  user: { id: number; first_name: string; last_name: string; email: string };
  accounts: HarvestAccount[];
}

export interface HarvestAccount {
  id: number;
  name: string;
  product: 'harvest' | 'forecast';
}
