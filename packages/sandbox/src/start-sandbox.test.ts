import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedSandbox, startSandbox } from './start-sandbox';
import { TEST_NOW } from './test-support';

describe('startSandbox over loopback', () => {
  let sandbox: StartedSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'http', now: TEST_NOW });
  });
  afterAll(() => sandbox.close());

  it('serves the control API and the v2 API on its URL', async () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const creds = (await (
      await fetch(`${sandbox.url}/__sandbox/credentials`)
    ).json()) as typeof sandbox.credentials;
    const admin = creds.personal_access_tokens[0]!;
    const res = await fetch(`${sandbox.url}/v2/users/me`, {
      headers: {
        Authorization: `Bearer ${admin.token}`,
        'Harvest-Account-Id': String(admin.account_id),
        'User-Agent': 'T (t@e.com)',
      },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: number }).id).toBe(admin.user_id);
  });

  it('resets the connection and cuts bodies when those faults are on', async () => {
    const admin = sandbox.credentials.personal_access_tokens[0]!;
    const init = {
      headers: {
        Authorization: `Bearer ${admin.token}`,
        'Harvest-Account-Id': String(admin.account_id),
        'User-Agent': 'T',
      },
    };
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'PUT',
      body: JSON.stringify({ reset_connections: 1 }),
      headers: { 'Content-Type': 'application/json' },
    });
    await expect(fetch(`${sandbox.url}/v2/users/me`, init).then((r) => r.text())).rejects.toThrow();
    sandbox.control.setFaults({ truncateBodies: 1 });
    await expect(fetch(`${sandbox.url}/v2/users/me`, init).then((r) => r.text())).rejects.toThrow();
    expect((await fetch(`${sandbox.url}/v2/users/me`, init)).status).toBe(200);
  });
});
