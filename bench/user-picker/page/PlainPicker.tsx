import type { UnifiedUser } from '@harvest-connect/protocol';
import {
  Avatar,
  cx,
  type UserFilters,
  type UserPickerMessages,
  useHarvestConnect,
  useMessages,
  userPickerMessages,
  useUserPicker,
} from '@harvest-connect/react';

const ACTIVE: UserFilters = { status: 'active' };
/** The picker's default row height (`optionHeight`), given to every row here too. */
const OPTION_HEIGHT = 48;

/**
 * The same content as the package's default option (UserOption, not exported): the bench checks that both
 * variants produce identical option markup before it measures anything.
 */
function OptionContent({ user, t }: { user: UnifiedUser; t: UserPickerMessages }) {
  const email = user.emails.find((e) => e.is_primary)?.email ?? user.emails[0]?.email;
  return (
    <>
      <Avatar user={user} className="hc-user-picker__avatar" />
      <span className="hc-user-picker__text">
        <span className="hc-user-picker__name">{user.name}</span>
        {email ? <span className="hc-user-picker__email">{email}</span> : null}
      </span>
      <span className="hc-user-picker__badges">
        {user.roles.slice(0, 2).map((role) => (
          <span key={role.id} className="hc-chip hc-user-picker__role">
            {role.name}
          </span>
        ))}
        {user.roles.length > 2 ? (
          <span className="hc-chip hc-user-picker__role">+{user.roles.length - 2}</span>
        ) : null}
        {user.is_contractor ? (
          <span className="hc-badge hc-user-picker__contractor">{t.userPickerContractor}</span>
        ) : null}
        {user.status === 'inactive' ? (
          <span className="hc-badge hc-user-picker__inactive">{t.userPickerInactive}</span>
        ) : null}
      </span>
    </>
  );
}

/**
 * The comparison: the package's headless `useUserPicker` (same filtering, same combobox state) with every
 * matching option in the DOM, in the same popup, scroller and classes as `<UserPicker>`. It leaves out the
 * filter row and chips, so if anything it is a little cheaper than the real widget.
 *
 * @example
 * <PlainPicker users={users} />
 */
export function PlainPicker({ users }: { users: readonly UnifiedUser[] }) {
  const t = useMessages(userPickerMessages);
  const { theme } = useHarvestConnect();
  const picker = useUserPicker({ items: users, filters: ACTIVE });
  const highlighted = picker.state.highlightedIndex;
  return (
    <div className="hc-user-picker hc-styled" data-theme={theme} data-open={picker.state.isOpen || undefined}>
      <label className="hc-user-picker__label" htmlFor={picker.inputId}>
        {t.userPickerLabel}
      </label>
      <div className="hc-user-picker__control">
        <input
          className="hc-user-picker__input"
          placeholder={t.userPickerPlaceholder}
          {...picker.getInputProps()}
        />
      </div>
      <div className="hc-user-picker__popup" hidden={!picker.state.isOpen}>
        <div className="hc-user-picker__scroller">
          <ul
            className="hc-user-picker__listbox"
            aria-label={t.userPickerLabel}
            {...picker.getListboxProps()}
          >
            {picker.items.map((user, index) => (
              <li
                key={user.id}
                className={cx('hc-user-picker__option', index === highlighted && 'is-highlighted')}
                {...picker.getOptionProps({ user, index })}
                style={{ height: OPTION_HEIGHT }}
              >
                <OptionContent user={user} t={t} />
              </li>
            ))}
          </ul>
        </div>
      </div>
      <div className="hc-visually-hidden" role="status" aria-live="polite">
        {picker.state.isOpen ? t.userPickerCount(picker.items.length) : ''}
      </div>
    </div>
  );
}
