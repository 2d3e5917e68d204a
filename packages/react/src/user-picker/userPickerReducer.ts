/** The UI state of a user picker: what is typed, whether the list shows, which option is highlighted. */
export interface UserPickerState {
  inputValue: string;
  isOpen: boolean;
  /** Index into the visible options; -1 when none is highlighted. */
  highlightedIndex: number;
}

/**
 * How many options PageUp and PageDown move by.
 *
 * @example
 * dispatch({ type: 'moved', delta: PAGE_SIZE, itemCount, wrap: false });
 */
export const PAGE_SIZE = 10;

/**
 * Named actions of the picker. Actions that move the highlight carry `itemCount`, so the reducer stays pure and
 * never reads the list itself.
 */
export type UserPickerAction =
  | { type: 'inputChanged'; value: string }
  | { type: 'opened'; itemCount: number; highlight?: 'first' | 'last' | 'none' | number }
  | { type: 'closed' }
  | { type: 'moved'; delta: number; itemCount: number; wrap: boolean }
  | { type: 'movedToStart'; itemCount: number }
  | { type: 'movedToEnd'; itemCount: number }
  | { type: 'highlighted'; index: number }
  | { type: 'selected'; multiple: boolean }
  | { type: 'escaped' }
  | { type: 'blurred' }
  | { type: 'itemsChanged'; itemCount: number };

/**
 * @example
 * useReducer(userPickerReducer, initialUserPickerState);
 */
export const initialUserPickerState: UserPickerState = {
  inputValue: '',
  isOpen: false,
  highlightedIndex: -1,
};

function clamp(index: number, count: number): number {
  if (count <= 0) return -1;
  return Math.min(Math.max(index, 0), count - 1);
}

/**
 * The picker's pure reducer.
 *
 * @example
 * const next = userPickerReducer(state, { type: 'moved', delta: 1, itemCount: 40, wrap: true });
 */
export function userPickerReducer(state: UserPickerState, action: UserPickerAction): UserPickerState {
  switch (action.type) {
    case 'inputChanged':
      // The first match is highlighted; `itemsChanged` clears it when nothing matches. Counting the matches here
      // would filter the whole directory twice per keystroke.
      return { inputValue: action.value, isOpen: true, highlightedIndex: 0 };
    case 'opened': {
      const h = action.highlight;
      if (h === 'none') return { ...state, isOpen: true, highlightedIndex: -1 };
      const index =
        h === 'last'
          ? action.itemCount - 1
          : h === 'first' || h === undefined
            ? 0
            : clamp(h, action.itemCount);
      return { ...state, isOpen: true, highlightedIndex: action.itemCount > 0 ? index : -1 };
    }
    case 'closed':
    case 'blurred':
      return state.isOpen || state.highlightedIndex !== -1
        ? { ...state, isOpen: false, highlightedIndex: -1 }
        : state;
    case 'moved': {
      const count = action.itemCount;
      if (count <= 0) return { ...state, isOpen: true, highlightedIndex: -1 };
      if (state.highlightedIndex < 0) {
        return { ...state, isOpen: true, highlightedIndex: action.delta > 0 ? 0 : count - 1 };
      }
      const raw = state.highlightedIndex + action.delta;
      const index = action.wrap ? (raw + count) % count : clamp(raw, count);
      return { ...state, isOpen: true, highlightedIndex: index };
    }
    case 'movedToStart':
      return { ...state, isOpen: true, highlightedIndex: action.itemCount > 0 ? 0 : -1 };
    case 'movedToEnd':
      return { ...state, isOpen: true, highlightedIndex: action.itemCount - 1 };
    case 'highlighted':
      return state.highlightedIndex === action.index ? state : { ...state, highlightedIndex: action.index };
    case 'selected':
      // Several people are usually picked from one search, so a multiple picker keeps the list and the query.
      return action.multiple ? state : { inputValue: '', isOpen: false, highlightedIndex: -1 };
    case 'escaped':
      // APG combobox: Escape closes the list; a second Escape clears the input.
      return state.isOpen
        ? { ...state, isOpen: false, highlightedIndex: -1 }
        : { ...state, inputValue: '', highlightedIndex: -1 };
    case 'itemsChanged': {
      const index = clamp(state.highlightedIndex, action.itemCount);
      return index === state.highlightedIndex ? state : { ...state, highlightedIndex: index };
    }
  }
}
