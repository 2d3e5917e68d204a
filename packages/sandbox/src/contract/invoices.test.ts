import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../create-sandbox';
import { call, testSandbox } from '../test-support';

/** Fact sheet §5.7 and the sandbox decision on `paid`. */
async function draft(s: Sandbox) {
  const client = (await call(s, 'GET', '/v2/clients')).body.clients[0];
  return (
    await call(s, 'POST', '/v2/invoices', {
      body: {
        client_id: client.id,
        subject: 'June',
        payment_term: 'net 30',
        issue_date: '2025-06-01',
        line_items: [{ kind: 'Service', description: 'Dev', quantity: 7.5, unit_price: 100 }],
      },
    })
  ).body;
}

describe('invoices', () => {
  it('seeds every state and filters by state, client and issue date (newest first)', async () => {
    const s = testSandbox();
    for (const state of ['draft', 'open', 'paid', 'closed']) {
      const list = (await call(s, 'GET', `/v2/invoices?state=${state}`)).body.invoices;
      expect(list.length, state).toBeGreaterThan(0);
      expect(list.every((i: { state: string }) => i.state === state)).toBe(true);
    }
    const all = (await call(s, 'GET', '/v2/invoices')).body.invoices;
    const dates = all.map((i: { issue_date: string }) => i.issue_date);
    expect(dates).toEqual([...dates].sort().reverse());
    const clientId = all[0].client.id;
    expect(
      (await call(s, 'GET', `/v2/invoices?client_id=${clientId}`)).body.invoices.every(
        (i: { client: { id: number } }) => i.client.id === clientId,
      ),
    ).toBe(true);
    expect(
      (await call(s, 'GET', '/v2/invoices?from=2025-05-01&to=2025-05-31')).body.invoices.every(
        (i: { issue_date: string }) => i.issue_date.startsWith('2025-05'),
      ),
    ).toBe(true);
    expect((await call(s, 'GET', '/v2/invoices?state=bogus')).status).toBe(422);
  });

  it('creates a draft with line items, computes amounts and due date, edits and deletes line items', async () => {
    const s = testSandbox();
    const inv = await draft(s);
    expect(inv).toMatchObject({
      state: 'draft',
      amount: 750,
      due_amount: 750,
      due_date: '2025-07-01',
      line_items: [{ amount: 750, quantity: 7.5 }],
    });
    const li = inv.line_items[0].id;
    const edited = (
      await call(s, 'PATCH', `/v2/invoices/${inv.id}`, {
        body: {
          line_items: [
            { id: li, quantity: 10 },
            { kind: 'Product', description: 'Licence', quantity: 1, unit_price: 50 },
          ],
        },
      })
    ).body;
    expect(edited.amount).toBe(1050);
    const removed = (
      await call(s, 'PATCH', `/v2/invoices/${inv.id}`, { body: { line_items: [{ id: li, _destroy: true }] } })
    ).body;
    expect(removed.line_items).toHaveLength(1);
    expect(removed.amount).toBe(50);
    expect((await call(s, 'POST', '/v2/invoices', { body: {} })).body.message).toBe("Client can't be blank");
    expect((await call(s, 'DELETE', `/v2/invoices/${inv.id}`)).status).toBe(200);
    expect((await call(s, 'GET', `/v2/invoices/${inv.id}`)).status).toBe(404);
  });

  it('moves through send, draft, close and re-open; payments to zero make it paid', async () => {
    const s = testSandbox();
    const inv = await draft(s);
    const event = (event_type: string) =>
      call(s, 'POST', `/v2/invoices/${inv.id}/messages`, { body: { event_type } });
    expect((await call(s, 'POST', `/v2/invoices/${inv.id}/payments`, { body: { amount: 10 } })).status).toBe(
      422,
    );
    expect((await event('send')).status).toBe(201);
    expect((await call(s, 'GET', `/v2/invoices/${inv.id}`)).body).toMatchObject({
      state: 'open',
      sent_at: expect.any(String),
    });
    await event('draft');
    expect((await call(s, 'GET', `/v2/invoices/${inv.id}`)).body.state).toBe('draft');
    expect((await event('re-open')).status).toBe(422);
    await event('send');
    await event('close');
    expect((await call(s, 'GET', `/v2/invoices/${inv.id}`)).body.state).toBe('closed');
    await event('re-open');
    expect((await call(s, 'GET', `/v2/invoices/${inv.id}`)).body.state).toBe('open');
    const part = await call(s, 'POST', `/v2/invoices/${inv.id}/payments`, {
      body: { amount: 250, paid_date: '2025-06-02' },
    });
    expect(part.status).toBe(201);
    expect((await call(s, 'GET', `/v2/invoices/${inv.id}`)).body).toMatchObject({
      state: 'open',
      due_amount: 500,
    });
    const rest = (
      await call(s, 'POST', `/v2/invoices/${inv.id}/payments`, {
        body: { amount: 500, paid_at: '2025-06-02T10:00:00Z' },
      })
    ).body;
    expect((await call(s, 'GET', `/v2/invoices/${inv.id}`)).body).toMatchObject({
      state: 'paid',
      due_amount: 0,
      paid_date: '2025-06-02',
    });
    expect((await call(s, 'GET', `/v2/invoices/${inv.id}/payments`)).body.invoice_payments).toHaveLength(2);
    await call(s, 'DELETE', `/v2/invoices/${inv.id}/payments/${rest.id}`);
    expect((await call(s, 'GET', `/v2/invoices/${inv.id}`)).body).toMatchObject({
      state: 'open',
      due_amount: 500,
    });
    expect(
      (
        await call(s, 'POST', `/v2/invoices/${inv.id}/payments`, {
          body: { amount: 1, paid_at: '2025-06-02T10:00:00Z', paid_date: '2025-06-02' },
        })
      ).status,
    ).toBe(422);
    const messages = (await call(s, 'GET', `/v2/invoices/${inv.id}/messages`)).body.invoice_messages;
    expect(messages.map((m: { event_type: string }) => m.event_type)).toEqual([
      're-open',
      'close',
      'send',
      'draft',
      'send',
    ]);
  });

  it('sends e-mail messages only with recipients or send_me_a_copy', async () => {
    const s = testSandbox();
    const inv = await draft(s);
    expect(
      (await call(s, 'POST', `/v2/invoices/${inv.id}/messages`, { body: { subject: 'Hi' } })).status,
    ).toBe(422);
    const sent = await call(s, 'POST', `/v2/invoices/${inv.id}/messages`, {
      body: { recipients: [{ name: 'Pat', email: 'pat@example.com' }], subject: 'Hi' },
    });
    expect(sent.body).toMatchObject({
      event_type: null,
      recipients: [{ name: 'Pat', email: 'pat@example.com' }],
    });
    expect((await call(s, 'GET', `/v2/invoices/${inv.id}/messages/new`)).body.subject).toContain(inv.number);
  });
});
