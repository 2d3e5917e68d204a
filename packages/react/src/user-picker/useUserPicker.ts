import type { UnifiedUser } from '@harvest-connect/protocol';
import type React from 'react';
import { useCallback, useEffect, useId, useMemo, useReducer, useRef } from 'react';
import { useControllableState } from '../utils/useControllableState';
import type { UserFilters } from './filterUsers';
import {
  initialUserPickerState,
  PAGE_SIZE,
  type UserPickerState,
  userPickerReducer,
} from './userPickerReducer';
import { createUserSearch } from './userSearch';

/** Options of `useUserPicker`. */
export interface UseUserPickerOptions {
  /** Every candidate user loaded so far; the hook filters them locally on each keystroke. */
  items: readonly UnifiedUser[];
  /** Allow several people (chips); one person otherwise. */
  multiple?: boolean;
  /** Selected user ids (controlled). */
  value?: string[];
  /** Initially selected user ids (uncontrolled). */
  defaultValue?: string[];
  /** Called with the new ids and the users among `items` they name. */
  onChange?: (ids: string[], users: UnifiedUser[]) => void;
  /** Filters applied to `items` locally. */
  filters?: UserFilters;
  /** Called on each change of the typed text (e.g. to start a debounced server search). */
  onInputChange?: (value: string) => void;
  /** Base of the element ids; a stable `useId()` otherwise. */
  id?: string;
}

type Handlers<E extends Element> = Partial<Omit<React.HTMLAttributes<E>, 'onChange'>> &
  Record<string, unknown>;

/**
 * Headless user picker: the WAI-ARIA combobox pattern, keyboard handling and selection, with no markup of its
 * own. Spread the prop getters on your elements.
 *
 * @example
 * const picker = useUserPicker({ items: users, multiple: true });
 * return (
 *   <>
 *     <input {...picker.getInputProps()} />
 *     <ul {...picker.getListboxProps()}>
 *       {picker.items.map((user, index) => <li key={user.id} {...picker.getOptionProps({ user, index })}>{user.name}</li>)}
 *     </ul>
 *   </>
 * );
 */
export function useUserPicker(options: UseUserPickerOptions) {
  const multiple = options.multiple ?? false;
  const [state, dispatch] = useReducer(userPickerReducer, initialUserPickerState);
  const [selectedIds, setSelectedIds] = useControllableState<string[]>({
    value: options.value,
    defaultValue: options.defaultValue ?? [],
    onChange: (ids) => {
      const byId = new Map(options.items.map((u) => [u.id, u]));
      options.onChange?.(
        ids,
        ids.map((id) => byId.get(id)).filter((u): u is UnifiedUser => Boolean(u)),
      );
    },
  });
  const generated = useId();
  const baseId = options.id ?? `hc-up${generated.replace(/:/g, '')}`;
  const inputId = `${baseId}-input`;
  const listboxId = `${baseId}-listbox`;
  const optionId = useCallback((user: UnifiedUser) => `${baseId}-option-${user.id}`, [baseId]);

  // The filters and each user's search text are applied once per list; a keystroke only matches strings.
  const search = useMemo(
    () => createUserSearch(options.items, options.filters),
    [options.items, options.filters],
  );
  const items = useMemo(() => search.match(state.inputValue), [search, state.inputValue]);
  const count = items.length;

  const inputRef = useRef<HTMLInputElement>(null);
  const stateRef = useRef<UserPickerState>(state);
  stateRef.current = state;
  const highlightedIndex = state.highlightedIndex;
  useEffect(() => {
    // Only when the highlight fell off the end: a no-op dispatch would still render the picker again.
    if (highlightedIndex >= count) dispatch({ type: 'itemsChanged', itemCount: count });
  }, [count, highlightedIndex]);
  const onInputChangeRef = useRef(options.onInputChange);
  onInputChangeRef.current = options.onInputChange;

  const select = useCallback(
    (user: UnifiedUser) => {
      if (multiple) {
        setSelectedIds(
          selectedIds.includes(user.id)
            ? selectedIds.filter((id) => id !== user.id)
            : [...selectedIds, user.id],
        );
      } else {
        setSelectedIds([user.id]);
      }
      dispatch({ type: 'selected', multiple });
      if (!multiple) onInputChangeRef.current?.('');
    },
    [multiple, selectedIds, setSelectedIds],
  );
  const remove = useCallback(
    (id: string) => setSelectedIds(selectedIds.filter((s) => s !== id)),
    [selectedIds, setSelectedIds],
  );
  const clear = useCallback(() => setSelectedIds([]), [setSelectedIds]);
  /** Stable for the life of the picker, so memoized rows keep their props. */
  const highlight = useCallback((index: number) => dispatch({ type: 'highlighted', index }), []);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const { isOpen, highlightedIndex, inputValue } = stateRef.current;
    const move = (delta: number, wrap: boolean) => dispatch({ type: 'moved', delta, itemCount: count, wrap });
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen) dispatch({ type: 'opened', itemCount: count, highlight: 'first' });
        else if (!event.altKey) move(1, true);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!isOpen) dispatch({ type: 'opened', itemCount: count, highlight: 'last' });
        else if (event.altKey) dispatch({ type: 'closed' });
        else move(-1, true);
        return;
      case 'PageDown':
        if (!isOpen) return;
        event.preventDefault();
        move(PAGE_SIZE, false);
        return;
      case 'PageUp':
        if (!isOpen) return;
        event.preventDefault();
        move(-PAGE_SIZE, false);
        return;
      case 'Home':
        if (!isOpen) return;
        event.preventDefault();
        dispatch({ type: 'movedToStart', itemCount: count });
        return;
      case 'End':
        if (!isOpen) return;
        event.preventDefault();
        dispatch({ type: 'movedToEnd', itemCount: count });
        return;
      case 'Enter': {
        const user = isOpen ? items[highlightedIndex] : undefined;
        if (!user) return;
        event.preventDefault();
        select(user);
        return;
      }
      case 'Escape':
        if (!isOpen && !inputValue) return;
        event.preventDefault();
        if (!isOpen) onInputChangeRef.current?.('');
        dispatch({ type: 'escaped' });
        return;
      case 'Tab':
        dispatch({ type: 'closed' });
        return;
      case 'Backspace': {
        const last = selectedIds[selectedIds.length - 1];
        if (multiple && inputValue === '' && last !== undefined) {
          event.preventDefault();
          remove(last);
        }
        return;
      }
    }
  };

  const highlighted = state.isOpen ? items[state.highlightedIndex] : undefined;

  return {
    state,
    dispatch,
    /** The options to show: `items` filtered by the typed text and the filters (shared: do not mutate). */
    items,
    selectedIds,
    isSelected: (id: string) => selectedIds.includes(id),
    select,
    remove,
    clear,
    highlight,
    open: () => dispatch({ type: 'opened', itemCount: count }),
    close: () => dispatch({ type: 'closed' }),
    inputId,
    listboxId,
    optionId,
    getInputProps: (overrides: Handlers<HTMLInputElement> = {}) => ({
      id: inputId,
      type: 'text',
      role: 'combobox',
      autoComplete: 'off',
      'aria-autocomplete': 'list' as const,
      'aria-expanded': state.isOpen,
      'aria-controls': listboxId,
      'aria-activedescendant': highlighted ? optionId(highlighted) : undefined,
      value: state.inputValue,
      ref: inputRef,
      ...overrides,
      onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
        const value = event.target.value;
        dispatch({ type: 'inputChanged', value });
        onInputChangeRef.current?.(value);
      },
      onKeyDown,
      onClick: () => {
        if (!stateRef.current.isOpen) dispatch({ type: 'opened', itemCount: count, highlight: 'none' });
      },
      onBlur: () => dispatch({ type: 'blurred' }),
    }),
    getListboxProps: (overrides: Handlers<HTMLElement> = {}) => ({
      id: listboxId,
      role: 'listbox',
      'aria-multiselectable': multiple || undefined,
      'data-state': state.isOpen ? 'open' : 'closed',
      ...overrides,
      // Keeps focus in the input while clicking an option, so blur does not close the list mid-click.
      onMouseDown: (event: React.MouseEvent) => event.preventDefault(),
    }),
    getOptionProps: ({ user, index }: { user: UnifiedUser; index: number }) => {
      const selected = selectedIds.includes(user.id);
      const isHighlighted = state.highlightedIndex === index;
      return {
        id: optionId(user),
        role: 'option',
        'aria-selected': selected,
        'data-highlighted': isHighlighted || undefined,
        'data-state': selected ? 'selected' : 'unselected',
        onClick: () => select(user),
        onMouseMove: () => {
          if (!isHighlighted) dispatch({ type: 'highlighted', index });
        },
      };
    },
    /** Props for a chip's remove button: Enter/Space (a button), Backspace or Delete remove the person. */
    getChipRemoveProps: (user: Pick<UnifiedUser, 'id' | 'name'>, label: string) => ({
      type: 'button' as const,
      'aria-label': label,
      onClick: () => {
        remove(user.id);
        inputRef.current?.focus();
      },
      onKeyDown: (event: React.KeyboardEvent) => {
        if (event.key === 'Backspace' || event.key === 'Delete') {
          event.preventDefault();
          remove(user.id);
          inputRef.current?.focus();
        }
      },
    }),
  };
}

/** What `useUserPicker` returns: state, visible items and prop getters. */
export type UserPickerApi = ReturnType<typeof useUserPicker>;
