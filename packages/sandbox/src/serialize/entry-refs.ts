import type { HarvestTimeEntry } from '@harvest-connect/protocol';
import { isoDateTime } from '../core/dates';
import type { EntryLookups } from './entry-lookups';
import { projectRef } from './work';

/** What a time entry and an expense both point at. */
interface EntryOwner {
  userId: number;
  projectId: number;
  invoiceId: number | null;
  createdAt: number;
}

/**
 * The references a time entry and an expense share, as Harvest nests them: who, which client and project,
 * under which user assignment, and on which invoice. Missing records (deleted since) serialize as empty refs,
 * the way Harvest keeps showing an entry whose assignment was removed.
 *
 * @example
 * return { id: e.id, ...entryRefs(lookups, e), notes: e.notes };
 */
export function entryRefs(l: EntryLookups, e: EntryOwner) {
  const { account } = l;
  const user = account.users.get(e.userId);
  const project = account.projects.get(e.projectId);
  const client = project ? account.clients.get(project.clientId) : undefined;
  const ua = l.userAssignment(e.projectId, e.userId);
  const invoice = e.invoiceId === null ? undefined : account.invoices.get(e.invoiceId);
  return {
    user: { id: e.userId, name: user ? `${user.firstName} ${user.lastName}` : '' },
    client: {
      id: client?.id ?? 0,
      name: client?.name ?? '',
      currency: client?.currency ?? account.company.currency,
    },
    project: projectRef(account, e.projectId),
    user_assignment: {
      id: ua?.id ?? 0,
      is_project_manager: ua?.isProjectManager ?? false,
      is_active: ua?.isActive ?? false,
      use_default_rates: ua?.useDefaultRates ?? true,
      budget: ua?.budget ?? null,
      hourly_rate: ua?.hourlyRate ?? null,
      created_at: isoDateTime(ua?.createdAt ?? e.createdAt),
      updated_at: isoDateTime(ua?.updatedAt ?? e.createdAt),
    } satisfies HarvestTimeEntry['user_assignment'],
    invoice: invoice ? { id: invoice.id, number: invoice.number } : null,
  };
}
