import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  createPaymentBody,
  invoicesQuery,
  pageQuery,
  provisionBody,
  runningTimerQuery,
  startTimerBody,
  timeEntriesQuery,
  utilizationQuery,
} from '../tools/tool-schemas';
import {
  includeRemoteQuery,
  listOf,
  listRolesQuery,
  listUsersQuery,
  unifiedMeSchema,
  unifiedRoleSchema,
  unifiedUserSchema,
} from '../unified/unified-schemas';

const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** Harvest objects pass through as Harvest shapes them (fact sheet §5); documented there, loose here. */
const harvestObject = (name: string) => z.looseObject({ id: z.number() }).meta({ id: name });
const idParam = z.object({ id: z.string().regex(/^\d+$/) });

const errors = {
  400: {
    description: 'Invalid input (`request.invalid`, ...)',
    content: { 'application/json': { schema: errorSchema } },
  },
  401: {
    description: 'Missing or invalid credentials',
    content: { 'application/json': { schema: errorSchema } },
  },
  403: {
    description: 'Scope, origin or Harvest role denies it (`upstream.forbidden`)',
    content: { 'application/json': { schema: errorSchema } },
  },
  503: {
    description: 'Rate limited or queue full; see `Retry-After`',
    content: { 'application/json': { schema: errorSchema } },
  },
};

type Method = 'get' | 'post' | 'patch';

/**
 * The OpenAPI 3.1 document of the data API, generated from the same zod schemas that validate requests.
 *
 * @example
 * app.get('/openapi.json', (c) => c.json(openApiDocument('https://connect.example.com')));
 */
export function openApiDocument(serverUrl?: string) {
  const doc = new OpenAPIHono();
  const add = (
    method: Method,
    path: string,
    summary: string,
    tag: string,
    result: z.ZodType,
    request: { query?: z.ZodType; params?: z.ZodType; body?: z.ZodType } = {},
    status = 200,
  ) => {
    doc.openAPIRegistry.registerPath({
      method,
      path,
      summary,
      tags: [tag],
      security: [{ bearer: [] }],
      request: {
        ...(request.query ? { query: request.query as z.ZodObject } : {}),
        ...(request.params ? { params: request.params as z.ZodObject } : {}),
        ...(request.body ? { body: { content: { 'application/json': { schema: request.body } } } } : {}),
      },
      responses: {
        [status]: { description: 'OK', content: { 'application/json': { schema: result } } },
        ...errors,
      },
    });
  };
  const item = (schema: z.ZodType) => z.object({ result: schema });
  const dir = '/v1/unified/user-directory';
  add(
    'get',
    `${dir}/me`,
    'The person behind the integrated account, and the account',
    'User directory',
    item(unifiedMeSchema),
    { query: includeRemoteQuery },
  );
  add(
    'get',
    `${dir}/users`,
    'People of the account (cached 30 s, filtered in memory)',
    'User directory',
    listOf(unifiedUserSchema),
    { query: listUsersQuery },
  );
  add('get', `${dir}/users/{id}`, 'One person', 'User directory', item(unifiedUserSchema), {
    query: includeRemoteQuery,
    params: idParam,
  });
  add(
    'get',
    `${dir}/roles`,
    'Business roles (administrators only)',
    'User directory',
    listOf(unifiedRoleSchema),
    { query: listRolesQuery },
  );
  add('get', `${dir}/roles/{id}`, 'One role', 'User directory', item(unifiedRoleSchema), {
    query: includeRemoteQuery,
    params: idParam,
  });

  const integratedAccount = z
    .object({
      id: z.string(),
      end_user_id: z.string(),
      harvest_account: z.object({ id: z.number(), name: z.string() }),
      harvest_user: z.object({ id: z.number(), name: z.string(), email: z.string() }),
      auth_type: z.enum(['oauth', 'pat']),
      status: z.enum(['active', 'needs_reauth', 'disconnected']),
      created_at: z.string(),
      updated_at: z.string(),
      last_refreshed_at: z.string().nullable(),
    })
    .meta({ id: 'IntegratedAccount' });
  add(
    'get',
    '/v1/integrated-accounts/current',
    "The session token's integrated account, no credentials (needs_reauth is described, not refused)",
    'Accounts',
    item(integratedAccount),
  );

  const entry = harvestObject('HarvestTimeEntry');
  const timerChange = z.object({ result: entry, stopped: entry.nullable() });
  add(
    'get',
    '/v1/tools/company',
    "The account's Harvest company (timer mode, week start)",
    'Time',
    item(harvestObject('HarvestCompany')),
  );
  add('get', '/v1/tools/time-entries', "Time entries with Harvest's filters", 'Time', listOf(entry), {
    query: timeEntriesQuery,
  });
  add(
    'get',
    '/v1/tools/timers/running',
    "The caller's running timer, or null",
    'Time',
    z.object({ result: entry.nullable() }),
    { query: runningTimerQuery },
  );
  add(
    'post',
    '/v1/tools/timers',
    'Start a timer (stops the running one)',
    'Time',
    timerChange,
    { body: startTimerBody },
    201,
  );
  add('post', '/v1/tools/timers/{id}/stop', 'Stop a timer (PATCH works too)', 'Time', timerChange, {
    params: idParam,
  });
  add('post', '/v1/tools/timers/{id}/restart', 'Restart a timer (PATCH works too)', 'Time', timerChange, {
    params: idParam,
  });
  add(
    'get',
    '/v1/tools/my-assignments',
    "The caller's active project assignments",
    'Time',
    listOf(harvestObject('HarvestProjectAssignment')),
    { query: pageQuery },
  );
  add(
    'get',
    '/v1/tools/utilization',
    'Hours against capacity for a week',
    'Time',
    z.looseObject({ result: z.array(z.looseObject({ user_id: z.number() })) }),
    { query: utilizationQuery },
  );

  const invoice = harvestObject('InvoiceWithStatus').extend({ overdue: z.boolean() });
  add(
    'get',
    '/v1/tools/invoices',
    'Invoices with the derived `overdue` (and `state=overdue`)',
    'Invoices',
    listOf(invoice),
    { query: invoicesQuery },
  );
  add('get', '/v1/tools/invoices/{id}', 'One invoice', 'Invoices', item(invoice), { params: idParam });
  add(
    'get',
    '/v1/tools/invoices/{id}/payments',
    'Payments of an invoice',
    'Invoices',
    listOf(harvestObject('HarvestInvoicePayment')),
    { params: idParam, query: pageQuery },
  );
  add(
    'post',
    '/v1/tools/invoices/{id}/payments',
    'Record a payment (at most the due amount)',
    'Invoices',
    z.object({ result: harvestObject('HarvestInvoicePayment'), invoice }),
    { params: idParam, body: createPaymentBody },
    201,
  );
  add(
    'post',
    '/v1/tools/provisioning',
    'Find or create client, project and assignments (Idempotency-Key header; API key only)',
    'Provisioning',
    z.looseObject({ result: z.looseObject({}) }),
    { body: provisionBody },
    201,
  );
  add(
    'get',
    '/v1/proxy/harvest/{path}',
    'Allow-listed Harvest v2 resources, 1:1 (any of GET/POST/PATCH/DELETE; API key only)',
    'Proxy',
    z.unknown(),
    { params: z.object({ path: z.string() }) },
  );

  doc.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key (hc_sk_..., plus integrated_account_id or the Harvest-Connect-Account header) or a session token (hc_st_...).',
  });
  return doc.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'Harvest Connect data API', version: '1' },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
  });
}
