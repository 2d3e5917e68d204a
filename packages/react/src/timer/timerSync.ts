import type { HarvestTimeEntry } from '@harvest-connect/protocol';
import type { QueryClient } from '@tanstack/react-query';
import { RUNNING_TIMER_POLL_MS, timeKeys } from '../queries/timers';

/**
 * The channel every tab of the host app shares for timer changes.
 *
 * @example
 * new BroadcastChannel(TIMER_CHANNEL).onmessage = (e) => console.log(e.data.running);
 */
export const TIMER_CHANNEL = 'harvest-connect:timers';

/** What one tab tells the others after a timer changed. Time entry data only; never a token. */
export interface TimerChangedMessage {
  type: 'timer-changed';
  running: HarvestTimeEntry | null;
}

interface Sync {
  channel: BroadcastChannel | null;
  poll: ReturnType<typeof setInterval>;
  users: number;
}

const syncs = new WeakMap<QueryClient, Sync>();

/**
 * Keeps a QueryClient's running timer in step with other tabs (BroadcastChannel) and with timers started in
 * Harvest itself (a gentle poll while the page is visible): one channel and one interval per QueryClient however
 * many buttons subscribe. Returns the unsubscribe function. Call from an effect only.
 *
 * @example
 * useEffect(() => subscribeTimerSync(queryClient), [queryClient]);
 */
export function subscribeTimerSync(queryClient: QueryClient): () => void {
  let sync = syncs.get(queryClient);
  if (!sync) {
    let channel: BroadcastChannel | null = null;
    if (typeof BroadcastChannel !== 'undefined') {
      channel = new BroadcastChannel(TIMER_CHANNEL);
      channel.onmessage = (event: MessageEvent<TimerChangedMessage>) => {
        if (event.data?.type !== 'timer-changed') return;
        queryClient.setQueryData(timeKeys.running(), event.data.running);
        void queryClient.invalidateQueries({ queryKey: [...timeKeys.all, 'entries'] });
      };
    }
    const poll = setInterval(() => {
      if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
      void queryClient.refetchQueries({ queryKey: timeKeys.running(), type: 'active' });
    }, RUNNING_TIMER_POLL_MS);
    sync = { channel, poll, users: 0 };
    syncs.set(queryClient, sync);
  }
  sync.users += 1;
  const current = sync;
  return () => {
    current.users -= 1;
    if (current.users === 0) {
      current.channel?.close();
      clearInterval(current.poll);
      syncs.delete(queryClient);
    }
  };
}

/**
 * Tells the other tabs which timer runs now.
 *
 * @example
 * broadcastTimerChange(queryClient, response.result.is_running ? response.result : null);
 */
export function broadcastTimerChange(queryClient: QueryClient, running: HarvestTimeEntry | null): void {
  const own = syncs.get(queryClient)?.channel;
  if (own) {
    own.postMessage({ type: 'timer-changed', running } satisfies TimerChangedMessage);
    return;
  }
  if (typeof BroadcastChannel === 'undefined') return;
  const once = new BroadcastChannel(TIMER_CHANNEL);
  once.postMessage({ type: 'timer-changed', running } satisfies TimerChangedMessage);
  once.close();
}
