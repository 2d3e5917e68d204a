import { useSyncExternalStore } from 'react';

/**
 * One ticking clock for every TimerButton on the page: a single interval runs while at least one running timer
 * is shown, and stops when none is. The snapshot is whole seconds, so React re-renders once a second at most.
 */
const listeners = new Set<() => void>();
let interval: ReturnType<typeof setInterval> | null = null;
let nowSeconds = 0;

function tick() {
  nowSeconds = Math.floor(Date.now() / 1000);
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!interval) {
    nowSeconds = Math.floor(Date.now() / 1000);
    interval = setInterval(tick, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && interval) {
      clearInterval(interval);
      interval = null;
    }
  };
}

const noop = () => () => {};
const getSnapshot = () => nowSeconds || Math.floor(Date.now() / 1000);
// The server renders no elapsed time: it could never match the client's clock anyway.
const getServerSnapshot = () => 0;

/**
 * The current time in whole seconds, ticking once a second while `active`; 0 during server rendering.
 *
 * @example
 * const now = useNowSeconds(isRunning);
 */
export function useNowSeconds(active: boolean): number {
  return useSyncExternalStore(active ? subscribe : noop, getSnapshot, getServerSnapshot);
}

/**
 * How many components listen to the clock (for tests: one interval serves them all).
 *
 * @example
 * expect(clockListenerCount()).toBe(2);
 */
export function clockListenerCount(): number {
  return listeners.size;
}
