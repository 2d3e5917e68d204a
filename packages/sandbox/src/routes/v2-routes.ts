import { Hono } from 'hono';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { assignmentsRoutes } from './assignments';
import { clientsRoutes } from './clients';
import { companyRoutes } from './company';
import { expensesRoutes } from './expenses';
import { invoiceMessagesRoutes } from './invoice-messages';
import { invoicePaymentsRoutes } from './invoice-payments';
import { invoicesRoutes } from './invoices';
import { projectAssignmentsRoutes } from './project-assignments';
import { projectsRoutes } from './projects';
import { ratesRoutes } from './rates';
import { reportsRoutes } from './reports';
import { rolesRoutes } from './roles';
import { tasksRoutes } from './tasks';
import { teammatesRoutes } from './teammates';
import { timeEntriesRoutes } from './time-entries';
import { timeReportsRoutes } from './time-reports';
import { usersRoutes } from './users';

/** Every `/v2` resource group, one route file each. */
export function v2Routes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  for (const routes of [
    projectAssignmentsRoutes,
    ratesRoutes,
    teammatesRoutes,
    usersRoutes,
    rolesRoutes,
    timeEntriesRoutes,
    companyRoutes,
    clientsRoutes,
    projectsRoutes,
    tasksRoutes,
    assignmentsRoutes,
    invoiceMessagesRoutes,
    invoicePaymentsRoutes,
    invoicesRoutes,
    expensesRoutes,
    reportsRoutes,
    timeReportsRoutes,
  ]) {
    app.route('/', routes(rt));
  }
  return app;
}
