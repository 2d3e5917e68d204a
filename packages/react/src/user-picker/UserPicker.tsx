import type { UnifiedUser } from '@harvest-connect/protocol';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type ReactNode, useCallback, useId, useMemo, useRef, useState } from 'react';
import { useMessages } from '../i18n/useMessages';
import { useHarvestConnect } from '../provider/context';
import { useHarvestQueryClient } from '../provider/queryClientContext';
import { userDirectoryQueries } from '../queries/userDirectory';
import { useControllableState } from '../utils/useControllableState';
import type { UserFilters } from './filterUsers';
import { UserPickerFilters } from './UserPickerFilters';
import { UserPickerView } from './UserPickerView';
import { userPickerMessages } from './userPickerMessages';
import { useUserDirectory } from './useUserDirectory';

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
  const injected = props.users !== undefined;
  const id = `hc-up${useId().replace(/:/g, '')}`;

  // This component holds the data (queries, filters, the debounced search) and does not render per keystroke:
  // the typed text lives in UserPickerView, which reports it here only once typing pauses.
  const [filters, setFilters] = useControllableState<UserFilters>({
    value: props.filters,
    defaultValue: props.defaultFilters ?? DEFAULT_FILTERS,
    onChange: props.onFiltersChange,
  });
  const [query, setQuery] = useState('');
  const directory = useUserDirectory({ q: query, filters, enabled: !injected });
  const roles = useInfiniteQuery({ ...userDirectoryQueries.roles(client), enabled: !injected }, queryClient);

  const items = injected ? props.users! : directory.users;
  const loading = injected ? Boolean(props.loading) : directory.isLoading;
  const error = injected ? (props.error ?? null) : directory.error;

  // Selected people stay nameable after a filter hides them from the loaded list. Indexed once per list.
  const seen = useRef(new Map<string, UnifiedUser>());
  const indexed = useRef<readonly UnifiedUser[] | null>(null);
  if (indexed.current !== items) {
    for (const user of items) seen.current.set(user.id, user);
    indexed.current = items;
  }
  const nameOf = useCallback(
    (userId: string) =>
      seen.current.get(userId) ?? ({ id: userId, name: userId } as Pick<UnifiedUser, 'id' | 'name'>),
    [],
  );

  const { multiple } = props;
  const onChangeRef = useRef(props.onChange);
  onChangeRef.current = props.onChange;
  const onChange = useCallback(
    (ids: string[]) => {
      const users = ids.map((userId) => seen.current.get(userId)).filter((u): u is UnifiedUser => Boolean(u));
      if (multiple) (onChangeRef.current as (ids: string[], users: UnifiedUser[]) => void)?.(ids, users);
      else
        (onChangeRef.current as (id: string | null, u: UnifiedUser | null) => void)?.(
          ids[0] ?? null,
          users[0] ?? null,
        );
    },
    [multiple],
  );

  const roleOptions = useMemo(() => {
    if (!injected)
      return roles.data?.pages.flatMap((p) => p.result.map((r) => ({ id: r.id, name: r.name }))) ?? [];
    const byId = new Map<string, string>();
    for (const user of props.users!) for (const role of user.roles) byId.set(role.id, role.name);
    return [...byId]
      .map(([roleId, name]) => ({ id: roleId, name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [injected, props.users, roles.data]);

  const showFilters = props.showFilters !== false;
  const filtersSlot: ReactNode = useMemo(
    () =>
      showFilters ? (
        <UserPickerFilters
          value={filters}
          onChange={setFilters}
          roles={roleOptions}
          messages={t}
          idBase={`${id}-listbox`}
        />
      ) : null,
    [showFilters, filters, setFilters, roleOptions, t, id],
  );
  const { retry } = directory;
  const errorSlot: ReactNode = useMemo(
    () =>
      error ? (
        <div className="hc-user-picker__error" role="alert">
          {t.userPickerError}{' '}
          <button type="button" className="hc-button hc-user-picker__retry" onClick={() => retry()}>
            {t.userPickerRetry}
          </button>
        </div>
      ) : null,
    [error, retry, t],
  );

  // Same arrays while the props are the same: the view's callbacks (and so its memoized rows) keep their identity
  // when this component renders again, e.g. after a debounced search.
  const value = useMemo(() => (props.value === undefined ? undefined : toIds(props.value)), [props.value]);
  const defaultValue = useMemo(() => toIds(props.defaultValue), [props.defaultValue]);
  return (
    <UserPickerView
      items={items}
      multiple={Boolean(multiple)}
      value={value}
      defaultValue={defaultValue}
      onChange={onChange}
      filters={filters}
      loading={loading}
      error={error}
      id={id}
      nameOf={nameOf}
      onSearch={setQuery}
      debounceMs={props.debounceMs ?? 250}
      filtersSlot={filtersSlot}
      errorSlot={errorSlot}
      label={props.label}
      renderOption={props.renderOption}
      optionHeight={props.optionHeight ?? 48}
      unstyled={props.unstyled}
      className={props.className}
    />
  );
}

function toIds(value: string | string[] | null | undefined): string[] {
  return value == null ? [] : Array.isArray(value) ? value : [value];
}
