import type { UnifiedUser } from '@harvest-connect/protocol';
import { useInfiniteQuery } from '@tanstack/react-query';
import {
  defaultRangeExtractor,
  observeElementRect,
  type Rect,
  useVirtualizer,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMessages } from '../i18n/useMessages';
import { useHarvestConnect } from '../provider/context';
import { useHarvestQueryClient } from '../provider/queryClientContext';
import { userDirectoryQueries } from '../queries/userDirectory';
import { useControllableState } from '../utils/useControllableState';
import { useDebouncedValue } from '../utils/useDebouncedValue';
import { cx, useRootProps } from '../utils/useRootProps';
import type { UserFilters } from './filterUsers';
import { UserOption } from './UserOption';
import { UserPickerFilters } from './UserPickerFilters';
import { userPickerMessages } from './userPickerMessages';
import { useUserDirectory } from './useUserDirectory';
import { useUserPicker } from './useUserPicker';

type SelectionProps =
  | {
      /** Select several people, shown as removable chips. */
      multiple: true;
      /** Selected user ids (controlled). */
      value?: string[];
      /** Initially selected user ids (uncontrolled). */
      defaultValue?: string[];
      /** Called with the selected ids and the loaded users they name. */
      onChange?: (ids: string[], users: UnifiedUser[]) => void;
    }
  | {
      multiple?: false;
      value?: string | null;
      defaultValue?: string | null;
      onChange?: (id: string | null, user: UnifiedUser | null) => void;
    };

/** Props of `UserPicker`: single or multiple selection, plus data, filters and rendering options. */
export type UserPickerProps = SelectionProps & {
  /** The people to choose from; when given, nothing is fetched (useful for tests and custom sources). */
  users?: UnifiedUser[];
  /** Shows the loading state with injected `users`. */
  loading?: boolean;
  /** Shows the error state with injected `users`. */
  error?: Error | null;
  /** Filters (controlled). */
  filters?: UserFilters;
  /** Initial filters (uncontrolled); active people by default. */
  defaultFilters?: UserFilters;
  /** Called when the user changes a filter. */
  onFiltersChange?: (filters: UserFilters) => void;
  /** Show the role / type / status filter row (default true). */
  showFilters?: boolean;
  /** Visible label of the input. */
  label?: string;
  /** Custom content of each option (inside the `role="option"` element). */
  renderOption?: (user: UnifiedUser, state: { selected: boolean; highlighted: boolean }) => ReactNode;
  /** Pixel height of one option row (the virtualizer positions rows with it). */
  optionHeight?: number;
  /** Delay of the server search after typing stops, in ms (default 250). */
  debounceMs?: number;
  /** Drop our styling; class names stay. */
  unstyled?: boolean;
  /** Extra class names on the root. */
  className?: string;
};

const DEFAULT_FILTERS: UserFilters = { status: 'active' };

/**
 * Pick one or several people from the Harvest user directory: search by name or email, filters, a virtualized
 * list that stays smooth with tens of thousands of people, and the full WAI-ARIA combobox keyboard.
 *
 * @example
 * <UserPicker multiple label="Assignees" value={ids} onChange={(ids) => setIds(ids)} />
 */
export function UserPicker(props: UserPickerProps) {
  const t = useMessages(userPickerMessages);
  const { client } = useHarvestConnect();
  const queryClient = useHarvestQueryClient();
  const root = useRootProps('hc-user-picker', props.unstyled, props.className);
  const injected = props.users !== undefined;

  const [filters, setFilters] = useControllableState<UserFilters>({
    value: props.filters,
    defaultValue: props.defaultFilters ?? DEFAULT_FILTERS,
    onChange: props.onFiltersChange,
  });
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query, props.debounceMs ?? 250);
  const directory = useUserDirectory({ q: debounced, filters, enabled: !injected });
  const roles = useInfiniteQuery({ ...userDirectoryQueries.roles(client), enabled: !injected }, queryClient);

  const items = injected ? props.users! : directory.users;
  const loading = injected ? Boolean(props.loading) : directory.isLoading;
  const error = injected ? (props.error ?? null) : directory.error;

  // Selected people stay nameable after a filter hides them from the loaded list. Indexed once per list, not
  // per keystroke.
  const seen = useRef(new Map<string, UnifiedUser>());
  const indexed = useRef<readonly UnifiedUser[] | null>(null);
  if (indexed.current !== items) {
    for (const user of items) seen.current.set(user.id, user);
    indexed.current = items;
  }

  const { multiple, value, defaultValue } = props;
  const onChangeRef = useRef(props.onChange);
  onChangeRef.current = props.onChange;
  const toIds = (v: string | string[] | null | undefined) => (v == null ? [] : Array.isArray(v) ? v : [v]);
  const picker = useUserPicker({
    items,
    multiple,
    filters,
    value: value === undefined ? undefined : toIds(value),
    defaultValue: toIds(defaultValue),
    onInputChange: setQuery,
    onChange: (ids) => {
      const users = ids.map((id) => seen.current.get(id)).filter((u): u is UnifiedUser => Boolean(u));
      if (multiple) (onChangeRef.current as (ids: string[], users: UnifiedUser[]) => void)?.(ids, users);
      else
        (onChangeRef.current as (id: string | null, u: UnifiedUser | null) => void)?.(
          ids[0] ?? null,
          users[0] ?? null,
        );
    },
  });

  const roleOptions = useMemo(() => {
    if (!injected)
      return roles.data?.pages.flatMap((p) => p.result.map((r) => ({ id: r.id, name: r.name }))) ?? [];
    const byId = new Map<string, string>();
    for (const user of props.users!) for (const role of user.roles) byId.set(role.id, role.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [injected, props.users, roles.data]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const highlighted = picker.state.highlightedIndex;
  const optionHeight = props.optionHeight ?? 48;
  const virtualizer = useVirtualizer({
    count: picker.items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => optionHeight,
    overscan: 8,
    // A hidden popup (or a DOM without layout) measures 0 px, which would render no row at all: assume eight
    // rows until the real size is known.
    observeElementRect: useCallback(
      (instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) =>
        observeElementRect(instance, (rect) =>
          cb(rect.height > 0 ? rect : { width: rect.width, height: optionHeight * 8 }),
        ),
      [optionHeight],
    ),
    // The highlighted option is always rendered, so aria-activedescendant never names a missing element.
    // A new extractor per highlight, because the virtualizer memoizes the rendered indexes on its identity.
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) => {
        const indexes = defaultRangeExtractor(range);
        if (highlighted >= 0 && highlighted < range.count && !indexes.includes(highlighted))
          indexes.push(highlighted);
        return indexes.sort((a, b) => a - b);
      },
      [highlighted],
    ),
  });
  useEffect(() => {
    if (picker.state.isOpen && highlighted >= 0) virtualizer.scrollToIndex(highlighted, { align: 'auto' });
  }, [highlighted, picker.state.isOpen, virtualizer]);

  const status = error ? 'error' : loading ? 'loading' : picker.items.length === 0 ? 'empty' : 'ready';
  const selectedUsers = picker.selectedIds.map(
    (id) => seen.current.get(id) ?? ({ id, name: id } as Pick<UnifiedUser, 'id' | 'name'>),
  );

  return (
    <div {...root} data-state={status} data-open={picker.state.isOpen || undefined}>
      <label className="hc-user-picker__label" htmlFor={picker.inputId}>
        {props.label ?? t.userPickerLabel}
      </label>
      {props.showFilters !== false ? (
        <UserPickerFilters
          value={filters}
          onChange={setFilters}
          roles={roleOptions}
          messages={t}
          idBase={picker.listboxId}
        />
      ) : null}
      <div className="hc-user-picker__control">
        {selectedUsers.length > 0 ? (
          <ul className="hc-user-picker__chips" aria-label={t.userPickerSelected}>
            {selectedUsers.map((user) => (
              <li key={user.id} className="hc-chip hc-user-picker__chip">
                <span className="hc-user-picker__chip-name">{user.name}</span>
                <button
                  className="hc-user-picker__chip-remove"
                  {...picker.getChipRemoveProps(user, t.userPickerRemove(user.name))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          className="hc-user-picker__input"
          placeholder={t.userPickerPlaceholder}
          {...picker.getInputProps()}
        />
      </div>
      <div className="hc-user-picker__popup" hidden={!picker.state.isOpen}>
        <div ref={scrollRef} className="hc-user-picker__scroller">
          <ul
            className="hc-user-picker__listbox"
            aria-label={props.label ?? t.userPickerLabel}
            {...picker.getListboxProps()}
            style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
          >
            {virtualizer.getVirtualItems().map((row) => {
              const user = picker.items[row.index];
              if (!user) return null;
              const selected = picker.isSelected(user.id);
              const isHighlighted = row.index === highlighted;
              return (
                <li
                  key={user.id}
                  className={cx('hc-user-picker__option', isHighlighted && 'is-highlighted')}
                  {...picker.getOptionProps({ user, index: row.index })}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: '100%',
                    height: optionHeight,
                    transform: `translateY(${row.start}px)`,
                  }}
                >
                  {props.renderOption ? (
                    props.renderOption(user, { selected, highlighted: isHighlighted })
                  ) : (
                    <UserOption user={user} messages={t} />
                  )}
                </li>
              );
            })}
          </ul>
        </div>
        {status === 'loading' || status === 'empty' ? (
          <div className="hc-user-picker__message">
            {status === 'loading' ? t.userPickerLoading : t.userPickerEmpty}
          </div>
        ) : null}
      </div>
      {error ? (
        <div className="hc-user-picker__error" role="alert">
          {t.userPickerError}{' '}
          <button type="button" className="hc-button hc-user-picker__retry" onClick={() => directory.retry()}>
            {t.userPickerRetry}
          </button>
        </div>
      ) : null}
      <div className="hc-visually-hidden" role="status" aria-live="polite">
        {picker.state.isOpen && status !== 'error'
          ? status === 'loading'
            ? t.userPickerLoading
            : status === 'empty'
              ? t.userPickerEmpty
              : t.userPickerCount(picker.items.length)
          : ''}
      </div>
    </div>
  );
}
