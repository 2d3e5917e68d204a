import type { HarvestTimeEntry, StartTimerRequest, TimerChangeResponse } from '@harvest-connect/protocol';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useReducer, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useHarvestConnect } from '../provider/context';
import { useHarvestQueryClient } from '../provider/queryClientContext';
import { timeQueries } from '../queries/timers';
import { userDirectoryQueries } from '../queries/userDirectory';
import { localDay } from '../utils/localDay';
import { useNowSeconds } from './clock';
import { readLastChoice, writeLastChoice } from './lastChoice';
import { type DefaultProject, initialTimerForm, timerFormReducer } from './timerFormReducer';
import type { TimerMessages } from './timerMessages';
import { changeTimer, optimisticEntry, timerCalls } from './timerMutations';
import { subscribeTimerSync } from './timerSync';
import { timerUiStore } from './timerUiStore';

/** The item of your product a timer tracks (Harvest's `external_reference`, fact sheet §6.4). */
export interface TimerExternalReference {
  id: string | number;
  groupId: string | number;
  accountId?: string | number;
  permalink: string;
}

/** What a TimerButton shows (also its `data-state`). */
export type TimerStatus = 'loading' | 'error' | 'idle' | 'running' | 'stopped' | 'locked';

/** Options of `useTimerButton`. */
export interface UseTimerButtonOptions {
  externalReference: TimerExternalReference;
  /** The item's name: prefills the notes. */
  name?: string;
  defaultProject?: DefaultProject;
  /** Failure messages (from `timerMessages`). */
  messages: Pick<
    TimerMessages,
    'timerStartFailed' | 'timerStopFailed' | 'timerRestartFailed' | 'timerStoppedOther'
  >;
}

/**
 * Seconds tracked on a running entry at `now` (whole seconds).
 *
 * @example
 * elapsedSeconds(entry, Math.floor(Date.now() / 1000), dataUpdatedAt); // 3725
 */
export function elapsedSeconds(entry: HarvestTimeEntry, now: number, fetchedAtMs: number): number {
  const started = entry.timer_started_at ? Date.parse(entry.timer_started_at) : Number.NaN;
  if (!Number.isNaN(started))
    return Math.max(0, entry.hours_without_timer * 3600 + now - Math.floor(started / 1000));
  // Without timer_started_at (seen in timestamp mode), count on from the hours Harvest reported when fetched.
  return Math.max(0, entry.hours * 3600 + now - Math.floor(fetchedAtMs / 1000));
}

/**
 * Headless timer for one item of your product: whether a timer runs for it, its live elapsed time, and start,
 * stop and restart with optimistic updates. Every button reads the one running-timer query, so Harvest's rule of
 * one running timer per person shows everywhere at once, in other tabs too.
 *
 * @example
 * const timer = useTimerButton({ externalReference: { id: 42, groupId: 7, permalink: url }, name: 'Fix login', messages: timerMessages });
 * return timer.status === 'running' ? <button onClick={timer.stop}>Stop</button> : <button onClick={timer.openForm}>Start</button>;
 */
export function useTimerButton(options: UseTimerButtonOptions) {
  const { client } = useHarvestConnect();
  const queryClient = useHarvestQueryClient();
  const ref = options.externalReference;
  const refId = String(ref.id);
  const groupId = String(ref.groupId);
  const accountId = ref.accountId == null ? undefined : String(ref.accountId);
  const uiKey = `${accountId ?? ''}:${groupId}:${refId}`;

  useEffect(() => subscribeTimerSync(queryClient), [queryClient]);

  const running = useQuery(timeQueries.running(client), queryClient);
  const company = useQuery(timeQueries.company(client), queryClient);
  const me = useQuery({ ...userDirectoryQueries.me(client), retry: false }, queryClient);
  const userId = me.data ? Number(me.data.user.id) : Number.NaN;
  // From yesterday in the viewer's calendar: Harvest dates entries in the person's own timezone, which can be a
  // day behind the browser's.
  const [from] = useState(() => localDay(new Date(Date.now() - 86_400_000)));
  const entries = useQuery(
    {
      ...timeQueries.entries(client, {
        external_reference_id: refId,
        from,
        user_id: userId,
      }),
      // Only with the caller's Harvest user id: an administrator's list would also hold teammates' entries for
      // this item, and restarting one of those is not this person's to do. Without it, the button only starts.
      enabled: me.isSuccess && !Number.isNaN(userId),
    },
    queryClient,
  );

  const formOpen = useStore(timerUiStore, (s) => s.openFormFor === uiKey);
  const error = useStore(timerUiStore, (s) => s.errors[uiKey] ?? null);
  const assignments = useQuery({ ...timeQueries.assignments(client), enabled: formOpen }, queryClient);
  const [pending, setPending] = useState<'start' | 'stop' | 'restart' | null>(null);
  // Says which other timer Harvest stopped when this one started (one running timer per person).
  const [notice, setNotice] = useState<string | null>(null);

  const [form, dispatch] = useReducer(timerFormReducer, {
    projectId: null,
    taskId: null,
    notes: options.name ?? '',
  });
  const initialized = useRef(false);
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    if (!formOpen) {
      initialized.current = false;
      return;
    }
    if (initialized.current || !assignments.data) return;
    initialized.current = true;
    dispatch({
      type: 'reset',
      state: initialTimerForm({
        assignments: assignments.data,
        remembered: readLastChoice(groupId, accountId),
        defaultProject: latest.current.defaultProject,
        name: latest.current.name,
      }),
    });
  }, [formOpen, assignments.data, groupId, accountId]);

  const runningEntry = running.data && running.data.external_reference?.id === refId ? running.data : null;
  const lastEntry =
    (entries.data ?? [])
      .filter((e) => !e.is_running && e.external_reference?.id === refId)
      .sort(
        (a, b) => b.spent_date.localeCompare(a.spent_date) || b.updated_at.localeCompare(a.updated_at),
      )[0] ?? null;
  const now = useNowSeconds(Boolean(runningEntry));

  const status: TimerStatus = running.isPending
    ? 'loading'
    : runningEntry
      ? 'running'
      : running.isError && running.data === undefined
        ? 'error'
        : lastEntry?.is_locked
          ? 'locked'
          : lastEntry
            ? 'stopped'
            : 'idle';

  const ui = timerUiStore.getState();
  const run = async (
    kind: 'start' | 'stop' | 'restart',
    task: () => Promise<TimerChangeResponse>,
    failure: string,
  ) => {
    setPending(kind);
    setNotice(null);
    ui.setError(uiKey, null);
    try {
      const { stopped } = await task();
      if (stopped && stopped.external_reference?.id !== refId) {
        setNotice(latest.current.messages.timerStoppedOther(stopped.notes || stopped.project.name));
      }
    } catch {
      timerUiStore.getState().setError(uiKey, failure);
    } finally {
      setPending(null);
    }
  };

  const externalReference = {
    id: refId,
    group_id: groupId,
    account_id: accountId ?? null,
    permalink: ref.permalink,
  };

  return {
    status,
    mode: company.data?.wants_timestamp_timers ? ('timestamp' as const) : ('duration' as const),
    runningEntry,
    lastEntry,
    elapsedSeconds: runningEntry ? elapsedSeconds(runningEntry, now, running.dataUpdatedAt) : 0,
    pending,
    error,
    notice,
    dismissError: () => ui.setError(uiKey, null),
    /** Reads the running timer again (after the `error` status). */
    retry: () => void running.refetch(),
    formOpen,
    openForm: () => ui.openForm(uiKey),
    closeForm: () => ui.closeForm(),
    form,
    dispatch,
    assignments: assignments.data ?? [],
    assignmentsStatus: assignments.status,
    /** Starts a timer with the form's project, task and notes (stops any other timer, as Harvest does). */
    start: () => {
      const { projectId, taskId, notes } = form;
      if (projectId == null || taskId == null) return Promise.resolve();
      writeLastChoice(groupId, { projectId, taskId }, accountId);
      ui.closeForm();
      const body: StartTimerRequest = {
        project_id: projectId,
        task_id: taskId,
        notes: notes || undefined,
        external_reference: externalReference,
      };
      return run(
        'start',
        () => changeTimer(queryClient, optimisticEntry(body), () => timerCalls.start(client, body)),
        latest.current.messages.timerStartFailed,
      );
    },
    stop: () => {
      const entry = runningEntry;
      if (!entry) return Promise.resolve();
      return run(
        'stop',
        () => changeTimer(queryClient, null, () => timerCalls.stop(client, entry.id)),
        latest.current.messages.timerStopFailed,
      );
    },
    restart: () => {
      const entry = lastEntry;
      if (!entry || entry.is_locked) return Promise.resolve();
      return run(
        'restart',
        () =>
          changeTimer(
            queryClient,
            optimisticEntry({ project_id: entry.project.id, task_id: entry.task.id }, entry),
            () => timerCalls.restart(client, entry.id),
          ),
        latest.current.messages.timerRestartFailed,
      );
    },
  };
}

/** What `useTimerButton` returns. */
export type TimerButtonApi = ReturnType<typeof useTimerButton>;
