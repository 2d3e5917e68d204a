import type { UnifiedUser } from '@harvest-connect/protocol';
import { useState } from 'react';
import { initials } from './filterUsers';

/** Props of `Avatar`. */
export interface AvatarProps {
  /** The person shown. */
  user: Pick<UnifiedUser, 'first_name' | 'last_name' | 'name' | 'avatar_url'>;
  /** Extra class names. */
  className?: string;
}

/**
 * A person's picture, or their initials when there is none or it fails to load. Decorative: the name is
 * always written beside it.
 *
 * @example
 * <Avatar user={user} />
 */
export function Avatar({ user, className }: AvatarProps) {
  const [failed, setFailed] = useState(false);
  const cls = className ? `hc-avatar ${className}` : 'hc-avatar';
  if (user.avatar_url && !failed) {
    return (
      <img className={cls} src={user.avatar_url} alt="" loading="lazy" onError={() => setFailed(true)} />
    );
  }
  return (
    <span className={`${cls} hc-avatar--initials`} aria-hidden="true">
      {initials(user)}
    </span>
  );
}
