import { describe, expect, it } from 'vitest';
import { HarvestConnectError } from '../client/HarvestConnectError';
import { testQueryClient } from '../test/renderWithProvider';
import { accountKeys, refreshAccountOnError } from './account';

const stale = (code: string, path: string) => {
  const qc = testQueryClient();
  qc.setQueryData(accountKeys.current(), null);
  refreshAccountOnError(qc, new HarvestConnectError(code, code, { status: 409 }), path);
  return qc.getQueryState(accountKeys.current())?.isInvalidated;
};

describe('refreshAccountOnError', () => {
  it('invalidates the account after any call refused for a revoked grant, a disconnected or a deleted account', () => {
    expect(stale('integrated_account.needs_reauth', '/v1/tools/timers/running')).toBe(true);
    expect(stale('integrated_account.disconnected', '/v1/tools/invoices')).toBe(true);
    expect(stale('auth.invalid_session_token', '/v1/unified/user-directory/users')).toBe(true);
  });

  it('leaves it for other errors, and for the account call itself (which would loop)', () => {
    expect(stale('auth.scope_denied', '/v1/tools/invoices')).toBe(false);
    expect(stale('harvest.rate_limited', '/v1/tools/timers/running')).toBe(false);
    expect(stale('auth.invalid_session_token', '/v1/integrated-accounts/current')).toBe(false);
  });
});
