import { formatElapsed } from '../i18n/format';
import { useMessages } from '../i18n/useMessages';
import { useHarvestConnect } from '../provider/context';
import { useRootProps } from '../utils/useRootProps';
import { TimerStartForm } from './TimerStartForm';
import type { DefaultProject } from './timerFormReducer';
import { timerMessages } from './timerMessages';
import { type TimerExternalReference, useTimerButton } from './useTimerButton';

/** Props of `TimerButton`. */
export interface TimerButtonProps {
  /** The item of your product the time is for: its id, its group (e.g. project), account and permalink. */
  externalReference: TimerExternalReference;
  /** The item's name; prefills the time entry's notes. */
  name?: string;
  /** Preselects a Harvest project by exact code or name, when no choice was remembered for the group. */
  defaultProject?: DefaultProject;
  /** Drop our styling; class names stay. */
  unstyled?: boolean;
  /** Extra class names on the root. */
  className?: string;
}

/**
 * A Harvest timer for one item of your product: shows whether it runs and for how long, and starts, stops or
 * restarts it. Starting one stops any other (Harvest allows one running timer per person); every TimerButton on
 * the page and in other tabs follows.
 *
 * @example
 * <TimerButton
 *   externalReference={{ id: task.id, groupId: task.projectId, permalink: task.url }}
 *   name={task.title}
 *   defaultProject={{ code: 'ACME-WEB' }}
 * />
 */
export function TimerButton(props: TimerButtonProps) {
  const t = useMessages(timerMessages);
  const { locale } = useHarvestConnect();
  const root = useRootProps('hc-timer', props.unstyled, props.className);
  const timer = useTimerButton({
    externalReference: props.externalReference,
    name: props.name,
    defaultProject: props.defaultProject,
    messages: t,
  });
  const { status, runningEntry, lastEntry } = timer;
  const elapsed = formatElapsed(timer.elapsedSeconds, locale);

  let main: React.ReactNode;
  switch (status) {
    case 'loading':
      main = (
        <span className="hc-timer__status" role="status">
          {t.timerLoading}
        </span>
      );
      break;
    case 'error':
      main = (
        <>
          <span className="hc-timer__status hc-timer__status--error" role="alert">
            {t.timerLoadFailed}
          </span>
          <button type="button" className="hc-button hc-timer__retry" onClick={timer.retry}>
            {t.timerRetry}
          </button>
        </>
      );
      break;
    case 'running':
      main = (
        <>
          <button
            type="button"
            className="hc-button hc-timer__button hc-timer__button--stop"
            onClick={() => void timer.stop()}
            disabled={timer.pending !== null}
          >
            <span className="hc-timer__icon" aria-hidden="true" />
            {t.timerStop}
          </button>
          <span className="hc-timer__elapsed" role="timer" aria-label={t.timerRunningLabel(elapsed)}>
            {elapsed}
          </span>
          {timer.mode === 'timestamp' && runningEntry?.started_time ? (
            <span className="hc-timer__since">{t.timerStartedAt(runningEntry.started_time)}</span>
          ) : null}
        </>
      );
      break;
    case 'locked':
      main = (
        <span className="hc-timer__locked" title={lastEntry?.locked_reason ?? t.timerLockedReason}>
          <span className="hc-timer__icon hc-timer__icon--locked" aria-hidden="true" />
          {t.timerLocked}
          <span className="hc-visually-hidden">: {lastEntry?.locked_reason ?? t.timerLockedReason}</span>
        </span>
      );
      break;
    default:
      main = (
        <button
          type="button"
          className="hc-button hc-timer__button hc-timer__button--start"
          aria-expanded={status === 'stopped' ? undefined : timer.formOpen}
          onClick={() => {
            if (status === 'stopped') void timer.restart();
            else if (timer.formOpen) timer.closeForm();
            else timer.openForm();
          }}
          disabled={timer.pending !== null}
        >
          <span className="hc-timer__icon" aria-hidden="true" />
          {status === 'stopped' ? t.timerRestart : t.timerStart}
        </button>
      );
      if (status === 'stopped') {
        main = (
          <>
            {main}
            <button
              type="button"
              className="hc-button hc-timer__button hc-timer__button--new"
              aria-expanded={timer.formOpen}
              onClick={() => (timer.formOpen ? timer.closeForm() : timer.openForm())}
              disabled={timer.pending !== null}
            >
              {t.timerStartNew}
            </button>
          </>
        );
      }
  }

  return (
    <div {...root} data-state={status} data-mode={timer.mode} data-pending={timer.pending ?? undefined}>
      {main}
      {timer.formOpen && status !== 'running' ? <TimerStartForm timer={timer} messages={t} /> : null}
      {timer.notice ? (
        <span className="hc-timer__notice" role="status">
          {timer.notice}
        </span>
      ) : null}
      {timer.error ? (
        <div className="hc-timer__error" role="alert">
          {timer.error}{' '}
          <button type="button" className="hc-button hc-timer__dismiss" onClick={timer.dismissError}>
            {t.timerDismiss}
          </button>
        </div>
      ) : null}
    </div>
  );
}
