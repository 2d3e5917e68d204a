import { create } from 'zustand';

/**
 * The last connect outcome, shown on the Connect page. It lives outside the widgets' provider, which starts
 * afresh when the linked account changes.
 *
 * @example
 * const outcome = useLastOutcome((s) => s.outcome);
 */
export const useLastOutcome = create<{ outcome: string; set: (outcome: string) => void }>((set) => ({
  outcome: 'none yet',
  set: (outcome) => set({ outcome }),
}));
