import type { ErrorResponse } from '@harvest-connect/protocol';
import { HarvestConnectError } from './HarvestConnectError';
import { createTokenSource, type SessionTokenResult } from './tokenSource';

/** Query values; `undefined` and `null` are left out of the URL. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Options of `createClient`: where the server is and how to get a session token. */
export interface ClientOptions {
  /** Base URL of the Harvest Connect server, e.g. `https://connect.example.com`. */
  serverUrl: string;
  /** A fixed session token. */
  sessionToken?: string;
  /** Fetches a session token from the host's backend; called again before the token expires. */
  getSessionToken?: () => Promise<SessionTokenResult>;
  /** Injected for tests and non-browser hosts; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Sees every error the server answers (after the session-token retry), before the call rejects with it. */
  onError?: (error: HarvestConnectError, path: string) => void;
}

/** The tiny typed client of the Harvest Connect data API that every hook and widget uses. */
export interface HarvestConnectClient {
  get<T>(path: string, query?: QueryParams, init?: { signal?: AbortSignal }): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body?: unknown): Promise<T>;
}

function buildUrl(serverUrl: string, path: string, query?: QueryParams): string {
  const base = serverUrl.replace(/\/+$/, '');
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${base}${path}${qs ? `?${qs}` : ''}`;
}

async function toError(res: Response): Promise<HarvestConnectError> {
  let body: Partial<ErrorResponse> | null = null;
  try {
    body = (await res.json()) as Partial<ErrorResponse>;
  } catch {
    // Not JSON (a proxy's HTML error page, say): fall through to a generic code.
  }
  const err = body?.error;
  if (err && typeof err.code === 'string') {
    return new HarvestConnectError(err.code, err.message ?? err.code, {
      status: res.status,
      details: err.details,
    });
  }
  return new HarvestConnectError('client.bad_response', `Unexpected HTTP ${res.status}`, {
    status: res.status,
  });
}

/**
 * Builds the data API client from the server URL and a session token. A token from `getSessionToken` is renewed
 * before it expires, and a call refused with `auth.session_token_expired` is retried once with a new token.
 *
 * @example
 * const client = createClient({ serverUrl: 'https://connect.example.com', getSessionToken: fetchSessionToken });
 * const me = await client.get<UnifiedMe>('/v1/unified/user-directory/me');
 */
export function createClient(options: ClientOptions): HarvestConnectClient {
  const tokens = createTokenSource(options);

  async function request<T>(
    method: string,
    path: string,
    query?: QueryParams,
    body?: unknown,
    signal?: AbortSignal,
  ) {
    const doFetch = options.fetch ?? globalThis.fetch;
    const send = async (): Promise<Response> => {
      const token = await tokens.get();
      if (!token) throw new HarvestConnectError('client.no_session_token', 'No session token was provided');
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
      };
      if (body !== undefined) headers['content-type'] = 'application/json';
      try {
        return await doFetch(buildUrl(options.serverUrl, path, query), {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal,
        });
      } catch (cause) {
        if (signal?.aborted) throw cause;
        throw new HarvestConnectError('client.network', 'The Harvest Connect server could not be reached', {
          cause,
        });
      }
    };

    let res = await send();
    if (!res.ok) {
      let error = await toError(res);
      // A token can lapse between our expiry check and the server's; one retry with a fresh token covers it.
      if (error.code === 'auth.session_token_expired' && tokens.renewable) {
        tokens.invalidate();
        res = await send();
        if (res.ok) return (await res.json()) as T;
        error = await toError(res);
      }
      options.onError?.(error, path);
      throw error;
    }
    try {
      return (await res.json()) as T;
    } catch (cause) {
      throw new HarvestConnectError('client.bad_response', 'The server answered with invalid JSON', {
        status: res.status,
        cause,
      });
    }
  }

  return {
    get: (path, query, init) => request('GET', path, query, undefined, init?.signal),
    post: (path, body) => request('POST', path, undefined, body ?? {}),
    patch: (path, body) => request('PATCH', path, undefined, body),
  };
}
