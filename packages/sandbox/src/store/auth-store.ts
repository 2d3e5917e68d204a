import { randomBytes } from 'node:crypto';

/** A registered OAuth client (Harvest ID → Developers). */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  /** Callbacks must start with this URL (fact sheet §1.2). */
  redirectUri: string;
  name: string;
}

export type TokenKind = 'access' | 'refresh' | 'personal';

/** An issued token. `id` is a stable public handle (request log, control API); `value` is the secret. */
export interface TokenRecord {
  id: string;
  value: string;
  kind: TokenKind;
  identityId: number;
  /** Accounts in scope; personal tokens cover all of the person's accounts. */
  accountIds: number[] | 'all';
  clientId: string | null;
  /** One consent of one person for one client; revoking it kills every token it produced. */
  grantId: string;
  expiresAt: number | null;
  revoked: boolean;
}

/** A pending authorization code (10 minutes, single use). */
export interface CodeRecord {
  code: string;
  clientId: string;
  identityId: number;
  accountIds: number[];
  redirectUri: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  expiresAt: number;
  used: boolean;
}

/** Random secret material; tokens are unguessable even though seed data is not. */
export function secret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Clients, codes and tokens of the sandbox's Harvest ID.
 *
 * @example
 * const auth = new AuthStore([{ clientId: 'c', clientSecret: 's', redirectUri: 'http://127.0.0.1/cb', name: 'App' }]);
 */
export class AuthStore {
  readonly clients = new Map<string, OAuthClient>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly codes = new Map<string, CodeRecord>();
  private counter = 0;

  constructor(clients: OAuthClient[]) {
    for (const client of clients) this.clients.set(client.clientId, client);
  }

  /** Adds a token and returns it. */
  issue(fields: Omit<TokenRecord, 'id' | 'value' | 'revoked'>, value?: string): TokenRecord {
    const tag = fields.kind === 'access' ? 'at' : fields.kind === 'refresh' ? 'rt' : 'pt';
    const record: TokenRecord = {
      ...fields,
      id: fields.kind === 'personal' ? `pat_${fields.identityId}` : `tok_${++this.counter}`,
      value: value ?? `${fields.identityId}.${tag}.${secret()}`,
      revoked: false,
    };
    this.tokens.set(record.value, record);
    return record;
  }

  /** The token behind `value` if it is usable at `now` and of one of `kinds`. */
  find(value: string, now: number, kinds: TokenKind[]): TokenRecord | null {
    const token = this.tokens.get(value);
    if (!token || token.revoked || !kinds.includes(token.kind)) return null;
    if (token.expiresAt !== null && token.expiresAt <= now) return null;
    return token;
  }

  /** Looks a token up by its public id. */
  byId(id: string): TokenRecord | undefined {
    for (const token of this.tokens.values()) if (token.id === id) return token;
    return undefined;
  }

  /** Revokes every token of a grant; returns how many were live. */
  revokeGrant(grantId: string): number {
    let n = 0;
    for (const token of this.tokens.values()) {
      if (token.grantId === grantId && !token.revoked) {
        token.revoked = true;
        n++;
      }
    }
    return n;
  }

  /** Revokes every OAuth token a person holds (all clients). */
  revokeIdentity(identityId: number): number {
    let n = 0;
    for (const token of this.tokens.values()) {
      if (token.identityId === identityId && token.kind !== 'personal' && !token.revoked) {
        token.revoked = true;
        n++;
      }
    }
    return n;
  }
}
