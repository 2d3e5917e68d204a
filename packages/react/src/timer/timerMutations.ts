import type { HarvestTimeEntry, StartTimerRequest, TimerChangeResponse } from '@harvest-connect/protocol';
import type { QueryClient } from '@tanstack/react-query';
import type { HarvestConnectClient } from '../client/createClient';
import { timeKeys } from '../queries/timers';
import { broadcastTimerChange } from './timerSync';

/**
 * A stand-in for the entry being started, shown until Harvest answers. Negative id: never sent anywhere.
 *
 * @example
 * queryClient.setQueryData(timeKeys.running(), optimisticEntry({ project_id: 7, task_id: 3 }));
 */
export function optimisticEntry(request: StartTimerRequest, base?: HarvestTimeEntry): HarvestTimeEntry {
  const now = new Date().toISOString();
  const ref = request.external_reference;
  return {
    ...(base ?? ({} as HarvestTimeEntry)),
    id: base?.id ?? -Date.now(),
    hours: base?.hours ?? 0,
    hours_without_timer: base?.hours ?? 0,
    is_running: true,
    timer_started_at: now,
    notes: request.notes ?? base?.notes ?? null,
    is_locked: false,
    external_reference: ref
      ? {
          id: String(ref.id),
          group_id: ref.group_id == null ? null : String(ref.group_id),
          account_id: ref.account_id == null ? null : String(ref.account_id),
          permalink: ref.permalink,
          service: null,
          service_icon_url: null,
        }
      : (base?.external_reference ?? null),
  };
}

/**
 * Applies a timer change to the cache with an optimistic value first, then Harvest's answer, or restores the
 * previous value when the call fails (and rethrows, so the caller can say what went wrong).
 *
 * @example
 * await changeTimer(queryClient, null, () => client.patch(`/v1/tools/timers/${id}/stop`));
 */
export async function changeTimer(
  queryClient: QueryClient,
  optimistic: HarvestTimeEntry | null,
  call: () => Promise<TimerChangeResponse>,
): Promise<TimerChangeResponse> {
  const key = timeKeys.running();
  // A poll landing mid-change would overwrite the optimistic value with stale data.
  await queryClient.cancelQueries({ queryKey: key });
  const previous = queryClient.getQueryData<HarvestTimeEntry | null>(key);
  queryClient.setQueryData(key, optimistic);
  try {
    const response = await call();
    const running = response.result.is_running ? response.result : null;
    queryClient.setQueryData(key, running);
    broadcastTimerChange(queryClient, running);
    return response;
  } catch (error) {
    queryClient.setQueryData(key, previous ?? null);
    throw error;
  } finally {
    void queryClient.invalidateQueries({ queryKey: [...timeKeys.all, 'entries'] });
  }
}

/**
 * The three timer calls of the data API.
 *
 * @example
 * const { result, stopped } = await timerCalls.start(client, { project_id: 7, task_id: 3 });
 */
export const timerCalls = {
  start: (client: HarvestConnectClient, body: StartTimerRequest) =>
    client.post<TimerChangeResponse>('/v1/tools/timers', body),
  stop: (client: HarvestConnectClient, id: number) =>
    client.patch<TimerChangeResponse>(`/v1/tools/timers/${id}/stop`),
  restart: (client: HarvestConnectClient, id: number) =>
    client.patch<TimerChangeResponse>(`/v1/tools/timers/${id}/restart`),
};
