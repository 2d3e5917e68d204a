import type {
  HarvestClient as HarvestClientObject,
  HarvestProject,
  HarvestTask,
  ProvisionResponse,
} from '@harvest-connect/protocol';
import { ApiError } from '../errors';
import type { HarvestCallContext, HarvestClient } from '../harvest-client/harvest-client';
import { listAll } from '../harvest-client/harvest-lists';
import type { ProvisionInput } from './tool-schemas';

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');

/**
 * Creates (or finds by name) a client, a project under it, task assignments and user assignments, in that order.
 * If a step fails, everything this call created is deleted again in reverse order, and the original error is
 * thrown with the undo's outcome in its details. What already existed is never touched.
 *
 * @example
 * const { result } = await provision(client, ctx, { client: { name: 'Acme' }, project: { name: 'Site' }, user_ids: [1] });
 */
export async function provision(
  client: HarvestClient,
  ctx: HarvestCallContext,
  input: ProvisionInput,
): Promise<ProvisionResponse> {
  const undo: Array<{ what: string; path: string }> = [];
  const call = <T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    query?: Record<string, string | number>,
  ) =>
    client
      .request<T>(ctx, { method, path, ...(body === undefined ? {} : { body }), ...(query ? { query } : {}) })
      .then((r) => r.body);
  try {
    const clients = await listAll<HarvestClientObject>(client, ctx, '/v2/clients', 'clients');
    let theClient = clients.find((c) => same(c.name, input.client.name));
    const clientCreated = !theClient;
    if (!theClient) {
      theClient = await call<HarvestClientObject>('POST', '/v2/clients', {
        name: input.client.name,
        currency: input.client.currency,
      });
      undo.push({ what: 'client', path: `/v2/clients/${theClient.id}` });
    }

    const projects = clientCreated
      ? []
      : await listAll<HarvestProject>(client, ctx, '/v2/projects', 'projects', { client_id: theClient.id });
    let project = projects.find((p) => same(p.name, input.project.name));
    const projectCreated = !project;
    if (!project) {
      project = await call<HarvestProject>('POST', '/v2/projects', {
        client_id: theClient.id,
        name: input.project.name,
        code: input.project.code,
        is_billable: input.project.is_billable ?? true,
        bill_by: input.project.bill_by ?? 'Project',
        budget_by: input.project.budget_by ?? 'none',
      });
      undo.push({ what: 'project', path: `/v2/projects/${project.id}` });
    }

    const taskIds = new Set(input.task_ids ?? []);
    if (input.task_names?.length) {
      const tasks = await listAll<HarvestTask>(client, ctx, '/v2/tasks', 'tasks');
      for (const name of input.task_names) {
        let task = tasks.find((t) => same(t.name, name));
        if (!task) {
          task = await call<HarvestTask>('POST', '/v2/tasks', { name });
          tasks.push(task);
          undo.push({ what: 'task', path: `/v2/tasks/${task.id}` });
        }
        taskIds.add(task.id);
      }
    }

    const existingTasks = projectCreated
      ? []
      : await listAll<{ id: number; task: { id: number } }>(
          client,
          ctx,
          `/v2/projects/${project.id}/task_assignments`,
          'task_assignments',
        );
    const taskAssignmentIds: number[] = [];
    for (const taskId of taskIds) {
      const existing = existingTasks.find((a) => a.task.id === taskId);
      if (existing) {
        taskAssignmentIds.push(existing.id);
        continue;
      }
      const created = await call<{ id: number }>('POST', `/v2/projects/${project.id}/task_assignments`, {
        task_id: taskId,
      });
      undo.push({
        what: 'task assignment',
        path: `/v2/projects/${project.id}/task_assignments/${created.id}`,
      });
      taskAssignmentIds.push(created.id);
    }

    const existingUsers = projectCreated
      ? []
      : await listAll<{ id: number; user: { id: number } }>(
          client,
          ctx,
          `/v2/projects/${project.id}/user_assignments`,
          'user_assignments',
        );
    const userAssignmentIds: number[] = [];
    for (const userId of new Set(input.user_ids ?? [])) {
      const existing = existingUsers.find((a) => a.user.id === userId);
      if (existing) {
        userAssignmentIds.push(existing.id);
        continue;
      }
      const created = await call<{ id: number }>('POST', `/v2/projects/${project.id}/user_assignments`, {
        user_id: userId,
      });
      undo.push({
        what: 'user assignment',
        path: `/v2/projects/${project.id}/user_assignments/${created.id}`,
      });
      userAssignmentIds.push(created.id);
    }

    return {
      result: {
        client: { id: theClient.id, name: theClient.name, created: clientCreated },
        project: { id: project.id, name: project.name, created: projectCreated },
        task_assignment_ids: taskAssignmentIds,
        user_assignment_ids: userAssignmentIds,
      },
    };
  } catch (error) {
    const report = await rollBack(client, ctx, undo);
    if (error instanceof ApiError) {
      throw new ApiError(error.code, `${error.message} Provisioning was rolled back.`, {
        status: error.status,
        details: [...(error.details ?? []), ...report],
        cause: error,
      });
    }
    throw error;
  }
}

/** Deletes what was created, newest first; a DELETE that fails is reported, not retried blindly. */
async function rollBack(
  client: HarvestClient,
  ctx: HarvestCallContext,
  undo: Array<{ what: string; path: string }>,
) {
  const report: Array<{ path: string; message: string }> = [];
  // The caller may have gone away; the undo must still run to the end.
  const detached: HarvestCallContext = {
    accountId: ctx.accountId,
    ...(ctx.tenantId ? { tenantId: ctx.tenantId } : {}),
  };
  for (const step of [...undo].reverse()) {
    try {
      await client.request(detached, { method: 'DELETE', path: step.path });
      report.push({ path: `rollback.${step.what}`, message: `deleted ${step.path.replace('/v2/', '')}` });
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'internal.error';
      report.push({
        path: `rollback.${step.what}`,
        message: `could not delete ${step.path.replace('/v2/', '')} (${code})`,
      });
    }
  }
  return report;
}
