/** What `getSessionToken` may answer: the bare token, or the server's `{ session_token, expires_at }`. */
export type SessionTokenResult = string | { session_token: string; expires_at: string };

/** Options of `createTokenSource`. */
export interface TokenSourceOptions {
  sessionToken?: string;
  getSessionToken?: () => Promise<SessionTokenResult>;
  /** Renew this many ms before `expires_at` (default 60 s), so no call leaves with a token about to lapse. */
  renewBeforeMs?: number;
  now?: () => number;
}

/** A cached session token that renews itself. */
export interface TokenSource {
  /** The current token, renewed first when it is missing or near its expiry. */
  get(): Promise<string | null>;
  /** Forget the cached token (after the server said it expired) so the next `get` fetches a new one. */
  invalidate(): void;
  /** True when a new token can be fetched (a `getSessionToken` was given). */
  readonly renewable: boolean;
}

/**
 * Caches the session token and renews it before it expires; concurrent callers share one renewal.
 *
 * @example
 * const tokens = createTokenSource({ getSessionToken: () => fetch('/api/harvest-session').then((r) => r.json()) });
 * const token = await tokens.get();
 */
export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const now = options.now ?? Date.now;
  const renewBefore = options.renewBeforeMs ?? 60_000;
  let token: string | null = options.sessionToken ?? null;
  let expiresAt = Number.POSITIVE_INFINITY;
  let pending: Promise<string | null> | null = null;

  const renew = (): Promise<string | null> => {
    const fetcher = options.getSessionToken;
    if (!fetcher) return Promise.resolve(token);
    pending ??= fetcher()
      .then((result) => {
        token = typeof result === 'string' ? result : result.session_token;
        const parsed = typeof result === 'string' ? Number.NaN : Date.parse(result.expires_at);
        expiresAt = Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed;
        return token;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };

  return {
    renewable: Boolean(options.getSessionToken),
    get() {
      if (token && now() < expiresAt - renewBefore) return Promise.resolve(token);
      return renew();
    },
    invalidate() {
      if (options.getSessionToken) token = null;
    },
  };
}
