import { hashSecret, newId, newSecret, safeEqual } from '../crypto/secrets';
import { ApiError } from '../errors';
import { buildAuthorizeUrl } from '../harvest/authorize-url';
import { listAccounts, whoAmI } from '../harvest/identity';
import { newPkce } from '../harvest/pkce';
import { exchangeCode } from '../harvest/token-endpoint';
import { HarvestAuthError, type TokenSet } from '../harvest/types';
import type { ConnectSessionRow } from '../store/store';
import { completeLink } from './complete-link';
import { finishSession } from './connect-sessions';
import { type Deps, LIFETIMES } from './deps';
import type { Webhooks } from './webhooks';

const stateIdentity = (stateHash: string) => `oauth-state:${stateHash}`;
const grantIdentity = (grantId: string) => `pending-grant:${grantId}`;

/**
 * Starts Harvest OAuth for a session: a fresh `state` (256 random bits, only its hash stored, bound to the
 * popup's cookie, 10 minutes) and a PKCE verifier (sealed). Returns the authorize URL to redirect to.
 *
 * @example
 * const url = await beginOAuth(deps, session, bindingHash);
 */
export async function beginOAuth(
  deps: Deps,
  session: ConnectSessionRow,
  bindingHash: string,
): Promise<string> {
  const client = deps.oauthClient;
  if (!client)
    throw new ApiError(
      'oauth.code_exchange_failed',
      'Sign in with Harvest is not configured on this server.',
      { status: 400 },
    );
  const state = newSecret('');
  const stateHash = hashSecret(state);
  const pkce = newPkce();
  await deps.store.insertOAuthState({
    state_hash: stateHash,
    session_id: session.id,
    binding_hash: bindingHash,
    verifier_sealed: deps.cipher.seal(pkce.verifier, stateIdentity(stateHash)),
    expires_at: deps.now() + LIFETIMES.oauthState,
    consumed_at: null,
  });
  return buildAuthorizeUrl({
    idUrl: deps.harvest.idUrl,
    clientId: client.clientId,
    redirectUri: client.redirectUri,
    state,
    codeChallenge: pkce.challenge,
  });
}

/** The callback's query, already checked for duplicates and sizes by the route. */
export interface CallbackParams {
  state: string;
  code?: string | undefined;
  error?: string | undefined;
}

/**
 * `GET /connect/oauth/callback`: consume the state once, then either record a cancel, or exchange the code
 * exactly once (never retried: an ambiguous failure ends the flow with an error and creates nothing), list the
 * accounts, and link one or park the grant for the account picker. Returns the session id to show.
 *
 * @example
 * const sessionId = await handleCallback(deps, webhooks, { state, code }, bindingHash);
 */
export async function handleCallback(
  deps: Deps,
  webhooks: Webhooks,
  params: CallbackParams,
  bindingHash: string | null,
): Promise<string> {
  const stateHash = hashSecret(params.state);
  const row = await deps.store.consumeOAuthState(stateHash, deps.now());
  if (!row) throw new ApiError('oauth.state_invalid', 'This sign-in link is not valid or was already used.');
  if (deps.now() >= row.expires_at) {
    await finishSession(deps, row.session_id, {
      status: 'error',
      code: 'oauth.state_expired',
      message: 'Sign-in took too long.',
    });
    throw new ApiError('oauth.state_expired', 'This sign-in took too long. Start again from the app.');
  }
  if (!bindingHash || !safeEqual(bindingHash, row.binding_hash)) {
    throw new ApiError('oauth.state_cookie_mismatch', 'This sign-in was started in another browser window.');
  }
  const session = await deps.store.getSession(row.session_id);
  if (session?.status !== 'pending') {
    throw new ApiError('oauth.state_invalid', 'This connect flow has already finished.');
  }
  if (params.error !== undefined) {
    if (params.error === 'access_denied') await finishSession(deps, session.id, { status: 'cancelled' });
    else
      await finishSession(deps, session.id, {
        status: 'error',
        code: 'oauth.invalid_callback',
        message: 'Harvest reported an error.',
      });
    return session.id;
  }
  const client = deps.oauthClient;
  if (!client || !params.code) throw new ApiError('oauth.invalid_callback', 'The callback carried no code.');
  const verifier = deps.cipher.open(row.verifier_sealed, stateIdentity(stateHash));
  let tokens: TokenSet;
  try {
    tokens = await exchangeCode(deps.harvest, client, { code: params.code, codeVerifier: verifier });
  } catch (error) {
    return failFlow(deps, session.id, error, 'Harvest did not complete the sign-in.');
  }
  let identity: Awaited<ReturnType<typeof listAccounts>>;
  try {
    identity = await listAccounts(deps.harvest, tokens.access_token);
  } catch (error) {
    return failFlow(deps, session.id, error, 'Harvest did not list your accounts.');
  }
  if (identity.accounts.length === 0) {
    await finishSession(deps, session.id, {
      status: 'error',
      code: 'oauth.no_harvest_account',
      message: 'This Harvest login has no Harvest account.',
    });
    return session.id;
  }
  const link = await deps.store.getLinkTokenById(session.link_token_id);
  const target = link?.integrated_account_id ? await deps.store.getAccount(link.integrated_account_id) : null;
  const only = target
    ? identity.accounts.filter((a) => a.id === target.harvest_account_id)
    : identity.accounts;
  if (only.length === 1 || (target && only.length === 0)) {
    // A reconnect links the account being repaired (or reports the mismatch); otherwise one account means no picker.
    await linkOAuth(deps, webhooks, session, tokens, only[0] ?? identity.accounts[0]!);
    return session.id;
  }
  const grantId = newId('pg');
  await deps.store.insertPendingGrant({
    id: grantId,
    session_id: session.id,
    tokens_sealed: deps.cipher.seal(JSON.stringify(tokens), grantIdentity(grantId)),
    expires_in: tokens.expires_in,
    harvest_user: identity.user,
    accounts: identity.accounts,
    expires_at: deps.now() + LIFETIMES.pendingGrant,
    consumed_at: null,
  });
  return session.id;
}

/**
 * The account picker's answer: consume the parked grant once and link the chosen Harvest account.
 *
 * @example
 * await pickAccount(deps, webhooks, session, grantId, 123456);
 */
export async function pickAccount(
  deps: Deps,
  webhooks: Webhooks,
  session: ConnectSessionRow,
  grantId: string,
  harvestAccountId: number,
): Promise<void> {
  const grant = await deps.store.getPendingGrant(grantId);
  if (!grant || grant.session_id !== session.id || grant.consumed_at !== null) {
    throw new ApiError('connect_session.not_found', 'This account choice is no longer available.');
  }
  const account = grant.accounts.find((a) => a.id === harvestAccountId);
  if (!account) throw new ApiError('request.invalid', 'Pick one of the listed accounts.');
  if (deps.now() >= grant.expires_at) {
    await finishSession(deps, session.id, {
      status: 'error',
      code: 'connect_session.expired',
      message: 'The account choice timed out.',
    });
    throw new ApiError('connect_session.expired', 'The account choice timed out. Start again from the app.');
  }
  if (!(await deps.store.consumePendingGrant(grantId, deps.now()))) {
    throw new ApiError('connect_session.not_found', 'This account choice was already made.');
  }
  const tokens = JSON.parse(deps.cipher.open(grant.tokens_sealed, grantIdentity(grantId))) as TokenSet;
  await linkOAuth(deps, webhooks, session, tokens, account);
}

/** Links the chosen account, naming the person by their user in that account (ids differ per account). */
async function linkOAuth(
  deps: Deps,
  webhooks: Webhooks,
  session: ConnectSessionRow,
  tokens: TokenSet,
  account: { id: number; name: string },
): Promise<void> {
  let user: Awaited<ReturnType<typeof whoAmI>>;
  try {
    user = await whoAmI(deps.harvest, tokens.access_token, account.id);
  } catch (error) {
    await failFlow(deps, session.id, error, 'Harvest did not tell who signed in.');
    return;
  }
  await completeLink(deps, webhooks, session, { user, account, authType: 'oauth', tokens });
}

async function failFlow(deps: Deps, sessionId: string, error: unknown, message: string): Promise<string> {
  const kind = error instanceof HarvestAuthError ? error.kind : 'unexpected';
  deps.log.warn({ session_id: sessionId, kind }, 'oauth exchange failed; not retried');
  if (!(error instanceof HarvestAuthError))
    deps.log.error({ err: error }, 'unexpected error during code exchange');
  await finishSession(deps, sessionId, { status: 'error', code: 'oauth.code_exchange_failed', message });
  return sessionId;
}
