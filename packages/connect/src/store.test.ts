import { describe, expect, it, vi } from 'vitest';
import { createStore } from './store';

describe('createStore', () => {
  it('notifies every listener, even when one unsubscribes another while being notified', () => {
    const store = createStore({ n: 0 });
    const second = vi.fn();
    let stopSecond = () => {};
    const first = vi.fn(() => stopSecond());
    store.subscribe(first);
    stopSecond = store.subscribe(second);
    store.set({ n: 1 });
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    store.set({ n: 2 });
    expect(second).toHaveBeenCalledTimes(1);
    expect(store.get()).toEqual({ n: 2 });
  });
});
