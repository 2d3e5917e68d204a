import type {
  ConnectMode,
  ConnectSession,
  ConnectSessionStatus,
  ConnectSuccess,
  ErrorCode,
} from '@harvest-connect/protocol';
import { newId } from '../crypto/secrets';
import { ApiError } from '../errors';
import type { ConnectSessionRow, LinkTokenRow } from '../store/store';
import { type Deps, LIFETIMES } from './deps';
import { assertNotExpired } from './link-tokens';

/** The public shape of a session row. */
export function toConnectSession(row: ConnectSessionRow): ConnectSession {
  return {
    id: row.id,
    status: row.status,
    mode: row.mode,
    expires_at: new Date(row.expires_at).toISOString(),
    result: row.result,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
  };
}

/**
 * Starts the one session of a link token (`POST /v1/connect-sessions`). Repeating the call with the same nonce
 * returns the same session (a retried request); anything else on a used token is `link_token.used`.
 * A session created lazily by `/connect` (no nonce yet) adopts the first nonce presented.
 *
 * @example
 * const session = await startSession(deps, link, { nonce, mode: 'popup' });
 */
export async function startSession(
  deps: Deps,
  link: LinkTokenRow,
  input: { nonce: string; mode: ConnectMode; return_url?: string | undefined },
): Promise<ConnectSessionRow> {
  const existing = await deps.store.getSessionByLinkToken(link.id);
  if (existing?.nonce === input.nonce) return existing;
  if (existing && (existing.nonce !== null || existing.status !== 'pending')) {
    throw new ApiError('link_token.used', 'This link token has already started a connect flow.');
  }
  if (input.return_url !== undefined && !sameOrigin(input.return_url, link.origin)) {
    throw new ApiError('request.invalid', 'return_url must be on the origin the link token was issued for.');
  }
  if (input.mode === 'redirect' && input.return_url === undefined) {
    throw new ApiError('request.invalid', 'redirect mode needs a return_url.');
  }
  if (existing) {
    // The popup opened `/connect` before the SDK's call arrived: the session adopts the SDK's nonce and mode.
    const patch = { nonce: input.nonce, mode: input.mode, return_url: input.return_url ?? null };
    await deps.store.updateSession(existing.id, patch, deps.now());
    return { ...existing, ...patch };
  }
  assertNotExpired(deps, link);
  return createSession(deps, link, input.nonce, input.mode, input.return_url ?? null);
}

/** Creates the session of a link token, consuming the token atomically: of two racing callers one wins. */
export async function createSession(
  deps: Deps,
  link: LinkTokenRow,
  nonce: string | null,
  mode: ConnectMode,
  returnUrl: string | null,
): Promise<ConnectSessionRow> {
  const now = deps.now();
  const row: ConnectSessionRow = {
    id: newId('cs'),
    tenant_id: link.tenant_id,
    link_token_id: link.id,
    nonce,
    mode,
    return_url: returnUrl,
    status: 'pending',
    result: null,
    error_code: null,
    error_message: null,
    binding_hash: null,
    expires_at: now + LIFETIMES.connectSession,
    created_at: now,
    updated_at: now,
  };
  return deps.store.transaction(async (tx) => {
    if (!(await tx.consumeLinkToken(link.id, now))) {
      const raced = await tx.getSessionByLinkToken(link.id);
      if (raced && raced.nonce === nonce) return raced;
      throw new ApiError('link_token.used', 'This link token has already started a connect flow.');
    }
    await tx.insertSession(row);
    return row;
  });
}

/**
 * Reads a session, expiring it on the way if its lifetime passed while pending (so pollers always converge).
 *
 * @example
 * const row = await readSession(deps, id);
 */
export async function readSession(deps: Deps, id: string): Promise<ConnectSessionRow> {
  const row = await deps.store.getSession(id);
  if (!row) throw new ApiError('connect_session.not_found', 'No such connect session.');
  if (row.status === 'pending' && deps.now() >= row.expires_at) {
    await finishSession(deps, row.id, {
      status: 'error',
      code: 'connect_session.expired',
      message: 'The connect flow took too long.',
    });
    return (await deps.store.getSession(id)) ?? row;
  }
  return row;
}

/** The outcome of a flow; the first one recorded wins. */
export type SessionOutcome =
  | { status: 'success'; result: ConnectSuccess }
  | { status: Extract<ConnectSessionStatus, 'cancelled'> }
  | { status: 'error'; code: ErrorCode; message: string };

export async function finishSession(deps: Deps, id: string, outcome: SessionOutcome): Promise<boolean> {
  return deps.store.finishSession(
    id,
    {
      status: outcome.status,
      result: outcome.status === 'success' ? outcome.result : null,
      error_code: outcome.status === 'error' ? outcome.code : null,
      error_message: outcome.status === 'error' ? outcome.message : null,
    },
    deps.now(),
  );
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}
