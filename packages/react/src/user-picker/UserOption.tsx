import type { UnifiedUser } from '@harvest-connect/protocol';
import { Avatar } from './Avatar';
import type { UserPickerMessages } from './userPickerMessages';

/** Props of `UserOption`. */
export interface UserOptionProps {
  /** The person shown. */
  user: UnifiedUser;
  /** Strings for the badges. */
  messages: Pick<UserPickerMessages, 'userPickerContractor' | 'userPickerInactive'>;
}

/**
 * The default content of one picker option: avatar, name, primary email, role chips and badges.
 *
 * @example
 * <UserOption user={user} messages={userPickerMessages} />
 */
export function UserOption({ user, messages }: UserOptionProps) {
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
          <span className="hc-badge hc-user-picker__contractor">{messages.userPickerContractor}</span>
        ) : null}
        {user.status === 'inactive' ? (
          <span className="hc-badge hc-user-picker__inactive">{messages.userPickerInactive}</span>
        ) : null}
      </span>
    </>
  );
}
