import { describe, expect, it } from 'vitest';
import { assignments } from '../test/timeFixtures';
import { initialTimerForm, timerFormReducer } from './timerFormReducer';

describe('timer form', () => {
  it('defaults to the remembered choice, then the default project by code or name, then the first project', () => {
    expect(initialTimerForm({ assignments, remembered: { projectId: 12, taskId: 23 }, name: 'x' })).toEqual({
      projectId: 12,
      taskId: 23,
      notes: 'x',
    });
    expect(initialTimerForm({ assignments, defaultProject: { code: 'APP' } })).toMatchObject({
      projectId: 12,
    });
    expect(initialTimerForm({ assignments, defaultProject: { name: 'Mobile app' } })).toMatchObject({
      projectId: 12,
    });
    expect(initialTimerForm({ assignments, defaultProject: { code: 'NOPE' } })).toMatchObject({
      projectId: 11,
      taskId: 21,
    });
    // A remembered task no longer assigned falls back to the defaults.
    expect(initialTimerForm({ assignments, remembered: { projectId: 12, taskId: 99 } })).toMatchObject({
      projectId: 11,
    });
    expect(initialTimerForm({ assignments: [] })).toEqual({ projectId: null, taskId: null, notes: '' });
  });

  it('choosing a project picks its billable task; task and notes change alone', () => {
    const s0 = initialTimerForm({ assignments });
    const s1 = timerFormReducer(s0, { type: 'projectChosen', projectId: 12, assignments });
    expect(s1).toEqual({ projectId: 12, taskId: 22, notes: '' });
    expect(timerFormReducer(s1, { type: 'taskChosen', taskId: 23 }).taskId).toBe(23);
    expect(timerFormReducer(s1, { type: 'notesChanged', notes: 'n' })).toEqual({ ...s1, notes: 'n' });
    expect(s1).toEqual({ projectId: 12, taskId: 22, notes: '' });
  });
});
