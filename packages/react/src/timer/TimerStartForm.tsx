import { useId } from 'react';
import type { TimerMessages } from './timerMessages';
import type { TimerButtonApi } from './useTimerButton';

/** Props of `TimerStartForm`. */
export interface TimerStartFormProps {
  /** The headless timer this form starts. */
  timer: TimerButtonApi;
  /** Strings. */
  messages: TimerMessages;
}

/**
 * The start form of a TimerButton: project (grouped by client), task and notes. Escape cancels.
 *
 * @example
 * {timer.formOpen ? <TimerStartForm timer={timer} messages={t} /> : null}
 */
export function TimerStartForm({ timer, messages: t }: TimerStartFormProps) {
  const id = useId();
  const { form, assignments } = timer;
  const byClient = new Map<string, typeof assignments>();
  for (const a of assignments) {
    if (!a.is_active) continue;
    const list = byClient.get(a.client.name) ?? [];
    list.push(a);
    byClient.set(a.client.name, list);
  }
  const project = assignments.find((a) => a.project.id === form.projectId);
  const tasks = project?.task_assignments.filter((ta) => ta.is_active) ?? [];

  let body: React.ReactNode;
  if (timer.assignmentsStatus === 'pending') {
    body = <p className="hc-timer__form-message">{t.timerLoading}</p>;
  } else if (timer.assignmentsStatus === 'error') {
    body = (
      <p className="hc-timer__form-message" role="alert">
        {t.timerLoadFailed}
      </p>
    );
  } else if (byClient.size === 0) {
    body = <p className="hc-timer__form-message">{t.timerNoAssignments}</p>;
  } else {
    body = (
      <>
        <label className="hc-timer__field" htmlFor={`${id}-project`}>
          <span className="hc-timer__field-label">{t.timerProject}</span>
          <select
            id={`${id}-project`}
            value={form.projectId ?? ''}
            onChange={(e) =>
              timer.dispatch({ type: 'projectChosen', projectId: Number(e.target.value), assignments })
            }
          >
            {[...byClient].map(([client, list]) => (
              <optgroup key={client} label={client}>
                {list.map((a) => (
                  <option key={a.project.id} value={a.project.id}>
                    {a.project.code ? `[${a.project.code}] ${a.project.name}` : a.project.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="hc-timer__field" htmlFor={`${id}-task`}>
          <span className="hc-timer__field-label">{t.timerTask}</span>
          <select
            id={`${id}-task`}
            value={form.taskId ?? ''}
            onChange={(e) => timer.dispatch({ type: 'taskChosen', taskId: Number(e.target.value) })}
          >
            {tasks.map((ta) => (
              <option key={ta.task.id} value={ta.task.id}>
                {ta.task.name}
              </option>
            ))}
          </select>
        </label>
        <label className="hc-timer__field" htmlFor={`${id}-notes`}>
          <span className="hc-timer__field-label">{t.timerNotes}</span>
          <input
            id={`${id}-notes`}
            type="text"
            value={form.notes}
            onChange={(e) => timer.dispatch({ type: 'notesChanged', notes: e.target.value })}
          />
        </label>
      </>
    );
  }

  return (
    <form
      className="hc-timer__form"
      aria-label={t.timerFormTitle}
      onSubmit={(e) => {
        e.preventDefault();
        void timer.start();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          timer.closeForm();
        }
      }}
    >
      {body}
      <div className="hc-timer__form-actions">
        <button
          type="submit"
          className="hc-button hc-button--primary hc-timer__submit"
          disabled={form.projectId == null || form.taskId == null}
        >
          {t.timerSubmit}
        </button>
        <button type="button" className="hc-button hc-timer__cancel" onClick={timer.closeForm}>
          {t.timerCancel}
        </button>
      </div>
    </form>
  );
}
