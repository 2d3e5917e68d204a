/**
 * Default English strings of the TimerButton; override any of them through the provider's `messages`.
 *
 * @example
 * <HarvestConnectProvider messages={{ timerStart: 'Track time' }} ... />
 */
export const timerMessages = {
  timerStart: 'Start timer',
  timerStop: 'Stop timer',
  timerRestart: 'Restart timer',
  timerStartNew: 'New entry',
  timerRunningLabel: (elapsed: string) => `Timer running, ${elapsed}`,
  timerStartedAt: (time: string) => `since ${time}`,
  timerLoading: 'Loading timer…',
  timerLocked: 'Locked',
  timerLockedReason: 'This time entry is locked',
  timerFormTitle: 'Start a timer',
  timerProject: 'Project',
  timerTask: 'Task',
  timerNotes: 'Notes',
  timerSubmit: 'Start',
  timerCancel: 'Cancel',
  timerNoAssignments: 'You are not assigned to any project in Harvest.',
  timerStartFailed: 'The timer could not be started. Nothing changed in Harvest.',
  timerStopFailed: 'The timer could not be stopped. It is still running.',
  timerRestartFailed: 'The timer could not be restarted.',
  timerLoadFailed: 'Timer status could not be loaded.',
  timerDismiss: 'Dismiss',
  timerRetry: 'Retry',
  timerStoppedOther: (name: string) => `Stopped the timer on ${name}.`,
};

/** The strings of the TimerButton. */
export type TimerMessages = typeof timerMessages;
