import type {
  CreatePaymentResponse,
  HarvestInvoicePayment,
  InvoiceWithStatus,
  ListResponse,
} from '@harvest-connect/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, harness, json } from '../data-api/test/harness';

let h: Harness;
afterEach(() => h?.close());

async function allInvoices(h: Harness, query: string): Promise<InvoiceWithStatus[]> {
  const out: InvoiceWithStatus[] = [];
  let cursor: string | null = null;
  do {
    const page: ListResponse<InvoiceWithStatus> = await json(
      await h.get(`/v1/tools/invoices?${query}${cursor ? `&cursor=${cursor}` : ''}`),
    );
    out.push(...page.result);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

const pay = (h: Harness, id: number, body: unknown) =>
  h.get(`/v1/tools/invoices/${id}/payments`, 'administrator', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

describe('invoice tools', () => {
  it('lists invoices across pages with a derived overdue flag, and filters by state including overdue', async () => {
    h = await harness();
    const today = new Date(h.sandbox.clock.now()).toISOString().slice(0, 10);
    const all = await allInvoices(h, 'limit=1000');
    expect((await allInvoices(h, 'limit=3')).map((i) => i.id)).toEqual(all.map((i) => i.id));
    for (const i of all) expect(i.overdue).toBe(i.state === 'open' && i.due_date < today);
    const overdue = await allInvoices(h, 'state=overdue&limit=2');
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.map((i) => i.id).sort()).toEqual(
      all
        .filter((i) => i.overdue)
        .map((i) => i.id)
        .sort(),
    );
    for (const state of ['draft', 'open', 'paid', 'closed'] as const) {
      const some = await allInvoices(h, `state=${state}`);
      expect(
        some.every((i) => i.state === state),
        state,
      ).toBe(true);
    }
    const sample = all[Math.floor(all.length / 2)]!;
    const checks: Array<[string, (i: InvoiceWithStatus) => boolean]> = [
      [`client_id=${sample.client.id}`, (i) => i.client.id === sample.client.id],
      [`from=${sample.issue_date}&to=${sample.issue_date}`, (i) => i.issue_date === sample.issue_date],
      [`updated_since=${encodeURIComponent(sample.updated_at)}`, (i) => i.updated_at >= sample.updated_at],
    ];
    for (const [query, keep] of checks) {
      const got = await allInvoices(h, query);
      expect(got.map((i) => i.id).sort(), query).toEqual(
        all
          .filter(keep)
          .map((i) => i.id)
          .sort(),
      );
    }
    const project = sample.line_items.find((l) => l.project)?.project?.id;
    if (project) {
      const got = await allInvoices(h, `project_id=${project}`);
      expect(got.length).toBeGreaterThan(0);
      expect(got.map((i) => i.id)).toContain(sample.id);
    }
  });

  it('gets one invoice, lists its payments and records a payment up to the due amount', async () => {
    h = await harness();
    const open = (await allInvoices(h, 'state=open'))[0]!;
    const one = await json<{ result: InvoiceWithStatus }>(await h.get(`/v1/tools/invoices/${open.id}`));
    expect(one.result).toMatchObject({ id: open.id, overdue: open.overdue });

    h.sandbox.control.clearRequests();
    const tooMuch = await pay(h, open.id, { amount: open.due_amount + 0.01 });
    expect(tooMuch.status).toBe(422);
    expect(await tooMuch.json()).toMatchObject({ error: { code: 'request.invalid' } });
    expect(h.sandbox.control.requests().filter((r) => r.method === 'POST')).toHaveLength(0);

    const part = Math.floor(open.due_amount / 2);
    const made = await json<CreatePaymentResponse>(
      await pay(h, open.id, { amount: part, notes: 'half' }),
      201,
    );
    expect(made.result.amount).toBe(part);
    expect(made.invoice.due_amount).toBeCloseTo(open.due_amount - part, 2);
    const payments = await json<ListResponse<HarvestInvoicePayment>>(
      await h.get(`/v1/tools/invoices/${open.id}/payments`),
    );
    expect(payments.result.map((p) => p.id)).toContain(made.result.id);

    const rest = await json<CreatePaymentResponse>(
      await pay(h, open.id, { amount: made.invoice.due_amount }),
      201,
    );
    expect(rest.invoice).toMatchObject({ state: 'paid', due_amount: 0, overdue: false });
  });

  it('refuses bad payment input and unknown invoices', async () => {
    h = await harness();
    for (const body of [
      {},
      { amount: -5 },
      { amount: 0 },
      { amount: '10' },
      { amount: 10, paid_date: 'today' },
    ]) {
      expect((await pay(h, 1, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await h.get('/v1/tools/invoices/999999999')).status).toBe(404);
    expect((await h.get('/v1/tools/invoices?state=late')).status).toBe(400);
  });

  it('denies invoices to a member with a clear code', async () => {
    h = await harness();
    const res = await h.get('/v1/tools/invoices', 'member');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream.forbidden' } });
  });
});
