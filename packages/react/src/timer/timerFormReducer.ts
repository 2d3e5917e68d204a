import type { HarvestProjectAssignment } from '@harvest-connect/protocol';

/** The start form: which project and task, and the notes. Ids are null until something can be chosen. */
export interface TimerFormState {
  projectId: number | null;
  taskId: number | null;
  notes: string;
}

/** A project preselected by its exact code or name, as the Harvest Button's `data-default` does (§6.1). */
export type DefaultProject = { code: string } | { name: string };

/** Named actions of `timerFormReducer`. */
export type TimerFormAction =
  | { type: 'projectChosen'; projectId: number; assignments: readonly HarvestProjectAssignment[] }
  | { type: 'taskChosen'; taskId: number }
  | { type: 'notesChanged'; notes: string }
  | { type: 'reset'; state: TimerFormState };

function activeTasks(assignment: HarvestProjectAssignment | undefined) {
  return assignment?.task_assignments.filter((t) => t.is_active) ?? [];
}

/**
 * The first active task of a project: the billable one first, as that is what people usually track.
 *
 * @example
 * defaultTaskId(assignments.find((a) => a.project.id === 7));
 */
export function defaultTaskId(assignment: HarvestProjectAssignment | undefined): number | null {
  const tasks = activeTasks(assignment);
  return (tasks.find((t) => t.billable) ?? tasks[0])?.task.id ?? null;
}

/**
 * The start form's pure reducer. Choosing a project also chooses its default task.
 *
 * @example
 * const next = timerFormReducer(state, { type: 'projectChosen', projectId: 7, assignments });
 */
export function timerFormReducer(state: TimerFormState, action: TimerFormAction): TimerFormState {
  switch (action.type) {
    case 'projectChosen': {
      const assignment = action.assignments.find((a) => a.project.id === action.projectId);
      return { ...state, projectId: action.projectId, taskId: defaultTaskId(assignment) };
    }
    case 'taskChosen':
      return { ...state, taskId: action.taskId };
    case 'notesChanged':
      return { ...state, notes: action.notes };
    case 'reset':
      return action.state;
  }
}

/**
 * The form's first state: the last choice remembered for the item's group if it is still assigned, else the
 * default project (by code, then name), else the first project; notes prefilled from the item's name.
 *
 * @example
 * initialTimerForm({ assignments, remembered: { projectId: 7, taskId: 3 }, defaultProject: { code: 'ACME' }, name: 'Fix login' });
 */
export function initialTimerForm(options: {
  assignments: readonly HarvestProjectAssignment[];
  remembered?: { projectId: number; taskId: number } | null;
  defaultProject?: DefaultProject;
  name?: string;
}): TimerFormState {
  const { assignments, remembered, defaultProject } = options;
  const notes = options.name ?? '';
  const active = assignments.filter((a) => a.is_active);
  if (remembered) {
    const a = active.find((x) => x.project.id === remembered.projectId);
    if (a && activeTasks(a).some((t) => t.task.id === remembered.taskId)) {
      return { projectId: remembered.projectId, taskId: remembered.taskId, notes };
    }
  }
  let chosen: HarvestProjectAssignment | undefined;
  if (defaultProject && 'code' in defaultProject) {
    chosen = active.find((a) => a.project.code === defaultProject.code);
  } else if (defaultProject && 'name' in defaultProject) {
    chosen = active.find((a) => a.project.name === defaultProject.name);
  }
  chosen ??= active[0];
  return { projectId: chosen?.project.id ?? null, taskId: defaultTaskId(chosen), notes };
}
