import type {
  CreatePaymentResponse,
  HarvestInvoice,
  HarvestInvoicePayment,
  InvoiceWithStatus,
} from '@harvest-connect/protocol';
import { type Context, Hono } from 'hono';
import { type DataApiEnv, requireScope } from '../data-api/data-api-auth';
import { callContext, type DataApiDeps } from '../data-api/data-api-deps';
import { parseId, parseJson, parseQuery } from '../data-api/parse-input';
import { ApiError } from '../errors';
import { decodeCursor } from '../harvest-client/cursor';
import { listPage } from '../harvest-client/harvest-lists';
import { createPaymentBody, invoicesQuery, pageQuery } from './tool-schemas';

/**
 * Adds `overdue`: an open invoice whose due date has passed (in UTC, on the calendar date).
 *
 * @example
 * withStatus(invoice, '2026-12-04').overdue;
 */
export function withStatus(invoice: HarvestInvoice, today: string): InvoiceWithStatus {
  return {
    ...invoice,
    overdue: invoice.state === 'open' && invoice.due_date != null && invoice.due_date < today,
  };
}

const cents = (n: number) => Math.round(n * 100);

/**
 * Invoice tools: list (Harvest's filters, plus `state=overdue`) and get with the derived `overdue`, payments list
 * and create (an amount above the invoice's `due_amount` is refused before Harvest sees it).
 *
 * @example
 * tools.route('/', invoiceRoutes(deps));
 */
export function invoiceRoutes(deps: DataApiDeps): Hono<DataApiEnv> {
  const app = new Hono<DataApiEnv>();
  const ctxOf = (c: Context<DataApiEnv>) => callContext(c.get('caller'), c.req.raw.signal);
  const today = () => new Date(deps.clock.now()).toISOString().slice(0, 10);

  app.get('/invoices', requireScope('invoices:read'), async (c) => {
    const { limit, cursor, state, ...filters } = parseQuery(c, invoicesQuery);
    // Harvest has no `overdue` state: ask for open invoices and keep those past due. A page may then hold
    // fewer than `limit` items; `next_cursor` still walks every open invoice.
    const page = await listPage<HarvestInvoice>(
      deps.client,
      ctxOf(c),
      '/v2/invoices',
      'invoices',
      { ...filters, state: state === 'overdue' ? 'open' : state },
      { limit, position: decodeCursor(cursor) },
    );
    const now = today();
    const result = page.result.map((i) => withStatus(i, now)).filter((i) => state !== 'overdue' || i.overdue);
    return c.json({ result, next_cursor: page.next_cursor });
  });

  app.get('/invoices/:id', requireScope('invoices:read'), async (c) => {
    const id = parseId(c.req.param('id'));
    const invoice = await deps.client.request<HarvestInvoice>(ctxOf(c), { path: `/v2/invoices/${id}` });
    return c.json({ result: withStatus(invoice.body, today()) });
  });

  app.get('/invoices/:id/payments', requireScope('invoices:read'), async (c) => {
    const id = parseId(c.req.param('id'));
    const { limit, cursor } = parseQuery(c, pageQuery);
    return c.json(
      await listPage<HarvestInvoicePayment>(
        deps.client,
        ctxOf(c),
        `/v2/invoices/${id}/payments`,
        'invoice_payments',
        {},
        {
          limit,
          position: decodeCursor(cursor),
        },
      ),
    );
  });

  app.post('/invoices/:id/payments', requireScope('invoices:write'), async (c) => {
    const id = parseId(c.req.param('id'));
    const body = await parseJson(c, createPaymentBody);
    const ctx = ctxOf(c);
    const before = (await deps.client.request<HarvestInvoice>(ctx, { path: `/v2/invoices/${id}` })).body;
    if (cents(body.amount) > cents(before.due_amount)) {
      throw new ApiError(
        'request.invalid',
        `The amount exceeds what is due on this invoice (${before.due_amount}).`,
        {
          status: 422,
          details: [{ path: 'amount', message: `must be at most ${before.due_amount}` }],
        },
      );
    }
    const payment = await deps.client.request<HarvestInvoicePayment>(ctx, {
      method: 'POST',
      path: `/v2/invoices/${id}/payments`,
      body,
    });
    const after = (await deps.client.request<HarvestInvoice>(ctx, { path: `/v2/invoices/${id}` })).body;
    return c.json(
      { result: payment.body, invoice: withStatus(after, today()) } satisfies CreatePaymentResponse,
      201,
    );
  });

  return app;
}
