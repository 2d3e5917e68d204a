import type { UserFilters } from './filterUsers';
import type { UserPickerMessages } from './userPickerMessages';

/** Props of `UserPickerFilters`. */
export interface UserPickerFiltersProps {
  /** Current filters. */
  value: UserFilters;
  /** Called with the new filters. */
  onChange: (filters: UserFilters) => void;
  /** Roles offered in the role filter; the filter is hidden when empty. */
  roles: ReadonlyArray<{ id: string; name: string }>;
  /** Strings. */
  messages: UserPickerMessages;
  /** Base of the element ids. */
  idBase: string;
}

/**
 * The picker's filter row: role, employees/contractors and active/inactive, as native selects.
 *
 * @example
 * <UserPickerFilters value={filters} onChange={setFilters} roles={roles} messages={t} idBase="people" />
 */
export function UserPickerFilters({ value, onChange, roles, messages: t, idBase }: UserPickerFiltersProps) {
  return (
    <div className="hc-user-picker__filters">
      {roles.length > 0 ? (
        <label className="hc-user-picker__filter" htmlFor={`${idBase}-role`}>
          <span className="hc-user-picker__filter-label">{t.userPickerFilterRole}</span>
          <select
            id={`${idBase}-role`}
            value={value.role ?? ''}
            onChange={(e) => onChange({ ...value, role: e.target.value || undefined })}
          >
            <option value="">{t.userPickerFilterAllRoles}</option>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="hc-user-picker__filter" htmlFor={`${idBase}-type`}>
        <span className="hc-user-picker__filter-label">{t.userPickerFilterType}</span>
        <select
          id={`${idBase}-type`}
          value={value.employmentType ?? ''}
          onChange={(e) =>
            onChange({
              ...value,
              employmentType: (e.target.value || undefined) as UserFilters['employmentType'],
            })
          }
        >
          <option value="">{t.userPickerFilterAllTypes}</option>
          <option value="employee">{t.userPickerFilterEmployees}</option>
          <option value="contractor">{t.userPickerFilterContractors}</option>
        </select>
      </label>
      <label className="hc-user-picker__filter" htmlFor={`${idBase}-status`}>
        <span className="hc-user-picker__filter-label">{t.userPickerFilterStatus}</span>
        <select
          id={`${idBase}-status`}
          value={value.status ?? ''}
          onChange={(e) =>
            onChange({ ...value, status: (e.target.value || undefined) as UserFilters['status'] })
          }
        >
          <option value="">{t.userPickerFilterAnyStatus}</option>
          <option value="active">{t.userPickerFilterActive}</option>
          <option value="inactive">{t.userPickerFilterInactive}</option>
        </select>
      </label>
    </div>
  );
}
