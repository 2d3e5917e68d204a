import { createStore } from 'zustand/vanilla';

/**
 * UI state shared by every TimerButton of the page (never server data, which lives in react-query): which
 * button's start form is open (one at a time) and the last failure message per item.
 */
export interface TimerUiState {
  openFormFor: string | null;
  errors: Record<string, string>;
  openForm: (referenceId: string) => void;
  closeForm: () => void;
  setError: (referenceId: string, message: string | null) => void;
}

/**
 * @example
 * timerUiStore.getState().setError('task-42', 'The timer could not be started.');
 */
export const timerUiStore = createStore<TimerUiState>()((set) => ({
  openFormFor: null,
  errors: {},
  openForm: (referenceId) => set({ openFormFor: referenceId }),
  closeForm: () => set({ openFormFor: null }),
  setError: (referenceId, message) =>
    set((state) => {
      const errors = { ...state.errors };
      if (message) errors[referenceId] = message;
      else delete errors[referenceId];
      return { errors };
    }),
}));
