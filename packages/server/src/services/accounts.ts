import type { AuthType, IntegratedAccount } from '@harvest-connect/protocol';
import { newId } from '../crypto/secrets';
import { ApiError } from '../errors';
import type { AccountRow, Store } from '../store/store';
import { type HarvestSecrets, sealSecrets } from './credentials';
import type { Deps } from './deps';
import type { Webhooks } from './webhooks';

/** The public shape of an account row: no credential ever appears in it. */
export function toIntegratedAccount(row: AccountRow): IntegratedAccount {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: row.id,
    end_user_id: row.end_user_id,
    harvest_account: { id: row.harvest_account_id, name: row.harvest_account_name },
    harvest_user: { id: row.harvest_user_id, name: row.harvest_user_name, email: row.harvest_user_email },
    auth_type: row.auth_type,
    status: row.status,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    last_refreshed_at: row.last_refreshed_at === null ? null : iso(row.last_refreshed_at),
  };
}

/** What a finished connect flow hands over to be stored. */
export interface LinkInput {
  tenantId: string;
  endUserId: string;
  /** Set for a reconnect: the account to repair (same id, new credentials). */
  reconnectId: string | null;
  user: { id: number; name: string; email: string };
  account: { id: number; name: string };
  authType: AuthType;
  secrets: HarvestSecrets;
  /** Seconds until the access token expires; null for a personal access token. */
  expiresIn: number | null;
}

/**
 * Stores a linked account and its sealed credentials in one transaction. A reconnect (or connecting the same
 * Harvest account and person again) keeps the account id, replaces the credentials and sets it `active`.
 *
 * @example
 * const { account, reconnected } = await linkAccount(deps, webhooks, input);
 */
export async function linkAccount(
  deps: Deps,
  webhooks: Webhooks,
  input: LinkInput,
): Promise<{ account: IntegratedAccount; reconnected: boolean }> {
  const now = deps.now();
  const { row, reconnected } = await deps.store.transaction(async (tx) => {
    const existing = await findExisting(tx, input);
    const fields = {
      harvest_account_name: input.account.name,
      harvest_user_id: input.user.id,
      harvest_user_name: input.user.name,
      harvest_user_email: input.user.email,
      auth_type: input.authType,
      status: 'active' as const,
      updated_at: now,
      last_refreshed_at: input.expiresIn === null ? null : now,
    };
    const row: AccountRow = existing
      ? { ...existing, ...fields }
      : {
          id: newId('acc'),
          tenant_id: input.tenantId,
          end_user_id: input.endUserId,
          harvest_account_id: input.account.id,
          created_at: now,
          ...fields,
        };
    if (existing) await tx.updateAccount(row.id, fields);
    else await tx.insertAccount(row);
    const expiresAt = input.expiresIn === null ? null : now + input.expiresIn * 1000;
    await tx.putCredentials(row.id, sealSecrets(deps.cipher, row.id, input.secrets), expiresAt, now);
    return { row, reconnected: existing !== null };
  });
  const account = toIntegratedAccount(row);
  await webhooks.emit(input.tenantId, reconnected ? 'account.reconnected' : 'account.connected', account);
  deps.log.info({ account_id: row.id, tenant_id: input.tenantId, reconnected }, 'integrated account linked');
  return { account, reconnected };
}

async function findExisting(tx: Store, input: LinkInput): Promise<AccountRow | null> {
  if (input.reconnectId) {
    const row = await tx.getAccount(input.reconnectId);
    if (!row || row.tenant_id !== input.tenantId || row.status === 'disconnected') {
      throw new ApiError('integrated_account.not_found', 'The account to reconnect no longer exists.');
    }
    if (row.harvest_account_id !== input.account.id) {
      throw new ApiError(
        'reconnect.account_mismatch',
        `This reconnect is for the Harvest account “${row.harvest_account_name}”; sign in with access to it.`,
      );
    }
    return row;
  }
  return tx.findAccountByHarvest(input.tenantId, input.endUserId, input.account.id, input.user.id);
}

/** Reads an account of a tenant; another tenant's account is simply not found (no existence oracle). */
export async function getAccountOf(store: Store, tenantId: string, id: string): Promise<AccountRow> {
  const row = await store.getAccount(id);
  if (!row || row.tenant_id !== tenantId || row.status === 'disconnected') {
    throw new ApiError('integrated_account.not_found', 'No such integrated account.');
  }
  return row;
}

/**
 * Disconnects an account: wipes its credentials and session tokens, keeps the row (status `disconnected`) so
 * the id stays unique and the webhook can describe it.
 *
 * @example
 * await disconnectAccount(deps, webhooks, tenantId, 'acc_1');
 */
export async function disconnectAccount(
  deps: Deps,
  webhooks: Webhooks,
  tenantId: string,
  id: string,
): Promise<void> {
  const now = deps.now();
  const row = await deps.store.transaction(async (tx) => {
    const row = await getAccountOf(tx, tenantId, id);
    await tx.deleteCredentials(id);
    await tx.deleteSessionTokensForAccount(id);
    await tx.updateAccount(id, { status: 'disconnected', updated_at: now });
    return { ...row, status: 'disconnected' as const, updated_at: now };
  });
  await webhooks.emit(tenantId, 'account.disconnected', toIntegratedAccount(row));
}
