import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { found, pathId, requireRole } from '../http/access';
import { readBody } from '../http/body';
import { HarvestError } from '../http/harvest-errors';
import { paginate, readPaging } from '../http/paginate';
import { applyCommon, listFilters, newestFirst, readQuery } from '../http/query';
import { validate, zBool, zText } from '../http/validate';
import { serializeClient } from '../serialize/work';
import { secret } from '../store/auth-store';
import type { ClientRecord } from '../store/records';

const fields = {
  name: zText(255).min(1),
  is_active: zBool.optional(),
  address: zText(5000).nullish(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'is not a valid currency')
    .optional(),
};

/** `/v2/clients` (fact sheet §5.8): cursor lists; delete refused while projects or invoices remain. */
export function clientsRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  app.get('/clients', (c) => {
    requireRole(c, 'administrator', 'manager');
    const f = readQuery(c, listFilters);
    const paging = readPaging(c, { cursor: true });
    return c.json(
      paginate(
        c,
        'clients',
        applyCommon(newestFirst(c.get('account').clients.values()), f),
        paging,
        serializeClient,
      ),
    );
  });
  app.get('/clients/:id', (c) => {
    requireRole(c, 'administrator', 'manager');
    return c.json(serializeClient(found(c.get('account').clients.get(pathId(c)))));
  });
  app.post('/clients', async (c) => {
    requireRole(c, 'administrator');
    const account = c.get('account');
    const b = validate(z.object(fields), await readBody(c));
    const now = rt.clock.now();
    const client: ClientRecord = {
      id: rt.store.ids.next('client'),
      name: b.name,
      isActive: b.is_active ?? true,
      address: b.address ?? null,
      statementKey: secret(16),
      currency: b.currency ?? account.company.currency,
      createdAt: now,
      updatedAt: now,
    };
    if ([...account.clients.values()].some((x) => x.name === client.name))
      throw HarvestError.unprocessable('Name has already been taken');
    account.clients.set(client.id, client);
    c.header('Location', `${new URL(c.req.url).origin}/api/v2/clients/${client.id}`);
    return c.json(serializeClient(client), 201);
  });
  app.patch('/clients/:id', async (c) => {
    requireRole(c, 'administrator');
    const client = found(c.get('account').clients.get(pathId(c)));
    const b = validate(z.object(fields).partial(), await readBody(c));
    if (b.name !== undefined) client.name = b.name;
    if (b.is_active !== undefined) client.isActive = b.is_active;
    if (b.address !== undefined) client.address = b.address;
    if (b.currency !== undefined) client.currency = b.currency;
    client.updatedAt = rt.clock.now();
    return c.json(serializeClient(client));
  });
  app.delete('/clients/:id', (c) => {
    requireRole(c, 'administrator');
    const account = c.get('account');
    const client = found(account.clients.get(pathId(c)));
    const used =
      [...account.projects.values()].some((p) => p.clientId === client.id) ||
      [...account.invoices.values()].some((i) => i.clientId === client.id);
    // The recorded message (fact sheet §4).
    if (used)
      throw HarvestError.unprocessable(
        'This client is not removable. It still has projects and/or invoices.',
      );
    account.clients.delete(client.id);
    return c.json(serializeClient(client));
  });
  return app;
}
