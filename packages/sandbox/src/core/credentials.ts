import type { HarvestBaseAccessRole } from '@harvest-connect/protocol';
import type { AuthStore } from '../store/auth-store';
import type { SandboxStore } from '../store/store';

/** One personal access token handed out for tests and demos. */
export interface PersonalTokenCredential {
  token: string;
  account_id: number;
  user_id: number;
  access_role: HarvestBaseAccessRole;
  identity_id: number;
  name: string;
  email: string;
}

/** `GET /__sandbox/credentials`. */
export interface SandboxCredentials {
  oauth_client: { client_id: string; client_secret: string; redirect_uri: string };
  oauth_clients: Array<{ client_id: string; client_secret: string; redirect_uri: string; name: string }>;
  /** An administrator, a manager and a member of the main account, in that order. */
  personal_access_tokens: PersonalTokenCredential[];
  /** The person who belongs to two accounts (member of the main one, administrator of the second). */
  multi_account_person: {
    identity_id: number;
    name: string;
    email: string;
    token: string;
    accounts: Array<{ account_id: number; user_id: number; access_role: HarvestBaseAccessRole }>;
  };
  accounts: Array<{ id: number; name: string }>;
}

/** Registers the seeded personal access tokens (deterministic from the seed). */
export function registerPersonalTokens(store: SandboxStore, auth: AuthStore): void {
  for (const [identityId, value] of store.personalTokens) {
    auth.issue(
      {
        kind: 'personal',
        identityId,
        accountIds: 'all',
        clientId: null,
        grantId: `pat:${identityId}`,
        expiresAt: null,
      },
      value,
    );
  }
}

/** Builds the credentials document from the current store. */
export function buildCredentials(store: SandboxStore, auth: AuthStore): SandboxCredentials {
  const person = (identityId: number) => {
    const identity = store.identities.get(identityId)!;
    const accounts = identity.memberships.map((m) => ({
      account_id: m.accountId,
      user_id: m.userId,
      access_role: store.accounts.get(m.accountId)!.users.get(m.userId)!.accessRole,
    }));
    return { identity, accounts, token: store.personalTokens.get(identityId)! };
  };
  const pats = (['administrator', 'manager', 'member'] as const).map((role) => {
    const { identity, accounts, token } = person(store.people[role]);
    const main = accounts[0]!;
    return {
      token,
      account_id: main.account_id,
      user_id: main.user_id,
      access_role: main.access_role,
      identity_id: identity.id,
      name: `${identity.firstName} ${identity.lastName}`,
      email: identity.email,
    };
  });
  const dual = person(store.people.multiAccount);
  const clients = [...auth.clients.values()].map((c) => ({
    client_id: c.clientId,
    client_secret: c.clientSecret,
    redirect_uri: c.redirectUri,
    name: c.name,
  }));
  const first = clients[0]!;
  return {
    oauth_client: {
      client_id: first.client_id,
      client_secret: first.client_secret,
      redirect_uri: first.redirect_uri,
    },
    oauth_clients: clients,
    personal_access_tokens: pats,
    multi_account_person: {
      identity_id: dual.identity.id,
      name: `${dual.identity.firstName} ${dual.identity.lastName}`,
      email: dual.identity.email,
      token: dual.token,
      accounts: dual.accounts,
    },
    accounts: [...store.accounts.values()].map((a) => ({ id: a.id, name: a.company.name })),
  };
}
