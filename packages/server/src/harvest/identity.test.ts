import { createSandbox } from '@harvest-connect/sandbox';
import { describe, expect, it } from 'vitest';
import { sandboxFetch } from '../test/harness';
import { listAccounts, whoAmI } from './identity';
import type { HarvestHttp } from './types';

function setup() {
  const sandbox = createSandbox({ seed: 'identity' });
  const http: HarvestHttp = {
    fetch: sandboxFetch(sandbox, 'http://id.test', 'http://api.test'),
    idUrl: 'http://id.test',
    apiUrl: 'http://api.test',
    userAgent: 'tests (t@example.com)',
    timeoutMs: 1000,
  };
  return { sandbox, http };
}

describe('listAccounts and whoAmI', () => {
  it('lists the Harvest accounts of a grant, and names the person inside each', async () => {
    const { sandbox, http } = setup();
    const dual = sandbox.credentials.multi_account_person;
    const { access_token } = sandbox.control.issueOAuthTokens(dual.identity_id);
    const grant = await listAccounts(http, access_token);
    expect(grant.user).toMatchObject({ id: dual.identity_id, email: dual.email, name: dual.name });
    expect(grant.accounts.map((a) => a.id).sort()).toEqual(dual.accounts.map((a) => a.account_id).sort());
    for (const account of dual.accounts) {
      expect((await whoAmI(http, access_token, account.account_id)).id).toBe(account.user_id);
    }
  });

  it('reports a refused token as invalid_grant and a wrong account id as a refusal', async () => {
    const { sandbox, http } = setup();
    await expect(listAccounts(http, 'nope')).rejects.toMatchObject({ kind: 'invalid_grant' });
    const pat = sandbox.credentials.personal_access_tokens[0]!;
    await expect(whoAmI(http, pat.token, 1)).rejects.toMatchObject({
      kind: expect.stringMatching(/invalid_grant|rejected/),
    });
    expect((await whoAmI(http, pat.token, pat.account_id)).id).toBe(pat.user_id);
  });
});
