import Harvest from 'harvest-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedSandbox, startSandbox } from '../start-sandbox';
import { TEST_NOW } from '../test-support';

/**
 * Interop with an independent client from npm (`harvest-v2@3.0.0`, node-fetch based). It hard-codes
 * `https://api.harvestapp.com` in each resource's public `baseUri` field, so we point those fields at the
 * sandbox after construction: no request interception, just the client's own configuration surface.
 */
function pointAt(client: Harvest, baseUrl: string): Harvest {
  for (const key of Object.keys(client)) {
    const resource = client[key] as { baseUri?: unknown } | undefined;
    if (resource && typeof resource.baseUri === 'string') {
      resource.baseUri = resource.baseUri.replace('https://api.harvestapp.com', baseUrl);
    }
  }
  return client;
}

describe('harvest-v2 npm client against a started sandbox', () => {
  let sandbox: StartedSandbox;
  let harvest: Harvest;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1', seed: 'interop', now: TEST_NOW });
    const admin = sandbox.credentials.personal_access_tokens[0]!;
    harvest = pointAt(
      new Harvest({
        account_ID: admin.account_id,
        access_token: admin.token,
        user_agent: 'harvest-v2 interop (tests@example.com)',
      }),
      sandbox.url,
    );
  });
  afterAll(() => sandbox.close());

  it('lists, creates, updates and deletes clients, projects and tasks', async () => {
    expect((await harvest.clients!.list()).clients.length).toBeGreaterThan(0);
    const client = await harvest.clients!.create({ name: 'Interop Client' });
    expect(client).toMatchObject({ id: expect.any(Number), name: 'Interop Client' });
    expect((await harvest.clients!.update(client.id, { name: 'Interop Client 2' })).name).toBe(
      'Interop Client 2',
    );
    expect(
      (await harvest.clients!.listBy({ is_active: true })).clients.some(
        (c: { id: number }) => c.id === client.id,
      ),
    ).toBe(true);

    const project = await harvest.projects!.create({
      client_id: client.id,
      name: 'Interop',
      is_billable: true,
      bill_by: 'Project',
      budget_by: 'none',
    });
    expect(project.client.id).toBe(client.id);
    expect((await harvest.projects!.update(project.id, { code: 'IO' })).code).toBe('IO');
    expect((await harvest.projects!.listBy({ client_id: client.id })).projects).toHaveLength(1);

    const task = await harvest.tasks!.create({ name: 'Interop Task' });
    expect((await harvest.tasks!.retrieve(task.id)).name).toBe('Interop Task');
    expect((await harvest.tasks!.update(task.id, { billable_by_default: false })).billable_by_default).toBe(
      false,
    );
    expect((await harvest.tasks!.list()).tasks.some((t: { id: number }) => t.id === task.id)).toBe(true);

    expect((await harvest.tasks!.delete(task.id)).id).toBe(task.id);
    expect((await harvest.projects!.delete(project.id)).id).toBe(project.id);
    expect((await harvest.clients!.delete(client.id)).id).toBe(client.id);
    expect(await harvest.clients!.retrieve(client.id)).toEqual({ status: 404, error: 'Not Found' });
  });

  it('lists, creates, updates and deletes users', async () => {
    expect((await harvest.users!.list()).users.length).toBeGreaterThan(0);
    const user = await harvest.users!.create({
      first_name: 'Inter',
      last_name: 'Op',
      email: 'interop@example.com',
    });
    expect(user).toMatchObject({ first_name: 'Inter', weekly_capacity: 126000 });
    expect((await harvest.users!.update(user.id, { telephone: '555' })).telephone).toBe('555');
    expect(
      (await harvest.users!.listBy({ is_active: true })).users.some((u: { id: number }) => u.id === user.id),
    ).toBe(true);
    expect((await harvest.users!.delete(user.id)).id).toBe(user.id);
  });

  it('creates, stops, restarts, updates, lists and deletes time entries', async () => {
    const me = await harvest.users!.retrieve('me' as unknown as number);
    const projects = await fetch(`${sandbox.url}/v2/users/me/project_assignments`, {
      headers: {
        Authorization: `Bearer ${sandbox.credentials.personal_access_tokens[0]!.token}`,
        'Harvest-Account-Id': String(sandbox.credentials.accounts[0]!.id),
        'User-Agent': 'T',
      },
    }).then(
      (r) =>
        r.json() as Promise<{
          project_assignments: Array<{
            project: { id: number };
            task_assignments: Array<{ task: { id: number } }>;
          }>;
        }>,
    );
    const pa = projects.project_assignments[0]!;
    const entry = await harvest.timeEntries!.create({
      project_id: pa.project.id,
      task_id: pa.task_assignments[0]!.task.id,
      spent_date: '2025-06-02',
    });
    expect(entry).toMatchObject({ is_running: true, user: { id: me.id } });
    expect((await harvest.timeEntries!.stop(entry.id)).is_running).toBe(false);
    expect((await harvest.timeEntries!.restart(entry.id)).id).toBe(entry.id);
    expect((await harvest.timeEntries!.update(entry.id, { notes: 'via harvest-v2' })).notes).toBe(
      'via harvest-v2',
    );
    const listed = await harvest.timeEntries!.listBy({ user_id: me.id, is_running: true });
    expect(listed.time_entries.map((e: { id: number }) => e.id)).toEqual([entry.id]);
    expect((await harvest.timeEntries!.delete(entry.id)).id).toBe(entry.id);
  });

  it('lists, creates, updates and deletes invoices', async () => {
    const { clients } = await harvest.clients!.list();
    expect((await harvest.invoices!.list()).per_page).toBe(100);
    const invoice = await harvest.invoices!.create({
      client_id: clients[0].id,
      subject: 'Interop',
      line_items: [{ kind: 'Service', description: 'Work', quantity: 2, unit_price: 100 }],
    });
    expect(invoice).toMatchObject({ state: 'draft', amount: 200 });
    expect((await harvest.invoices!.update(invoice.id, { subject: 'Interop 2' })).subject).toBe('Interop 2');
    expect(
      (await harvest.invoices!.listBy({ client_id: clients[0].id })).invoices.some(
        (i: { id: number }) => i.id === invoice.id,
      ),
    ).toBe(true);
    expect((await harvest.invoices!.delete(invoice.id)).id).toBe(invoice.id);
  });
});
