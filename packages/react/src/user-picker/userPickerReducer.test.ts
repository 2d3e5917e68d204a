import { describe, expect, it } from 'vitest';
import { initialUserPickerState as init, PAGE_SIZE, userPickerReducer as reduce } from './userPickerReducer';

const open = (highlightedIndex: number) => ({ inputValue: 'a', isOpen: true, highlightedIndex });

describe('userPickerReducer', () => {
  it('opens on typing and highlights the first match, cleared when the list turns out empty', () => {
    const typed = reduce(init, { type: 'inputChanged', value: 'ad' });
    expect(typed).toEqual({ inputValue: 'ad', isOpen: true, highlightedIndex: 0 });
    expect(reduce(typed, { type: 'itemsChanged', itemCount: 0 }).highlightedIndex).toBe(-1);
  });

  it('opens at the first or last option', () => {
    expect(reduce(init, { type: 'opened', itemCount: 5, highlight: 'last' }).highlightedIndex).toBe(4);
    expect(reduce(init, { type: 'opened', itemCount: 5 }).highlightedIndex).toBe(0);
    expect(reduce(init, { type: 'opened', itemCount: 0 }).highlightedIndex).toBe(-1);
    expect(reduce(init, { type: 'opened', itemCount: 5, highlight: 'none' })).toEqual({
      ...init,
      isOpen: true,
    });
  });

  it('wraps arrow moves and clamps page moves', () => {
    expect(reduce(open(4), { type: 'moved', delta: 1, itemCount: 5, wrap: true }).highlightedIndex).toBe(0);
    expect(reduce(open(0), { type: 'moved', delta: -1, itemCount: 5, wrap: true }).highlightedIndex).toBe(4);
    expect(
      reduce(open(3), { type: 'moved', delta: PAGE_SIZE, itemCount: 5, wrap: false }).highlightedIndex,
    ).toBe(4);
    expect(
      reduce(open(3), { type: 'moved', delta: -PAGE_SIZE, itemCount: 50, wrap: false }).highlightedIndex,
    ).toBe(0);
    expect(reduce(open(-1), { type: 'moved', delta: -1, itemCount: 5, wrap: true }).highlightedIndex).toBe(4);
  });

  it('moves to the start and the end', () => {
    expect(reduce(open(2), { type: 'movedToStart', itemCount: 5 }).highlightedIndex).toBe(0);
    expect(reduce(open(2), { type: 'movedToEnd', itemCount: 5 }).highlightedIndex).toBe(4);
  });

  it('closes and clears after a single selection but keeps a multiple one open', () => {
    expect(reduce(open(2), { type: 'selected', multiple: false })).toEqual(init);
    expect(reduce(open(2), { type: 'selected', multiple: true })).toEqual(open(2));
  });

  it('escape closes first, then clears the text', () => {
    const closed = reduce(open(1), { type: 'escaped' });
    expect(closed).toEqual({ inputValue: 'a', isOpen: false, highlightedIndex: -1 });
    expect(reduce(closed, { type: 'escaped' }).inputValue).toBe('');
  });

  it('keeps the highlight inside a shrinking list and returns the same state when nothing changes', () => {
    expect(reduce(open(9), { type: 'itemsChanged', itemCount: 3 }).highlightedIndex).toBe(2);
    expect(reduce(open(2), { type: 'itemsChanged', itemCount: 0 }).highlightedIndex).toBe(-1);
    const s = open(1);
    expect(reduce(s, { type: 'itemsChanged', itemCount: 10 })).toBe(s);
    expect(reduce(init, { type: 'blurred' })).toBe(init);
  });
});
