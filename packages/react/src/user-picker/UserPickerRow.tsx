import type { UnifiedUser } from '@harvest-connect/protocol';
import { memo, type ReactNode } from 'react';
import { cx } from '../utils/useRootProps';
import { UserOption } from './UserOption';
import type { UserPickerMessages } from './userPickerMessages';

/** Props of `UserPickerRow`; all of them plain values or stable callbacks, so unchanged rows skip rendering. */
export interface UserPickerRowProps {
  user: UnifiedUser;
  index: number;
  /** Element id (the combobox's aria-activedescendant names it). */
  id: string;
  /** Top of the row in the list, in px. */
  start: number;
  height: number;
  selected: boolean;
  highlighted: boolean;
  messages: UserPickerMessages;
  renderOption?: (user: UnifiedUser, state: { selected: boolean; highlighted: boolean }) => ReactNode;
  onSelect: (user: UnifiedUser) => void;
  onHighlight: (index: number) => void;
}

/**
 * One positioned option of the virtualized list, with the same attributes as `useUserPicker`'s
 * `getOptionProps`. Memoized: a keystroke re-renders only the rows whose person, place or state changed.
 *
 * @example
 * <UserPickerRow user={user} index={0} id="p-option-1" start={0} height={48} ... />
 */
export const UserPickerRow = memo(function UserPickerRow(props: UserPickerRowProps) {
  const { user, index, selected, highlighted, onSelect, onHighlight } = props;
  // The combobox pattern: focus stays in the input, which handles the keyboard and names the highlighted
  // option with aria-activedescendant, so options are neither focusable nor keyboard targets themselves.
  const option = {
    id: props.id,
    role: 'option',
    'aria-selected': selected,
    'data-highlighted': highlighted || undefined,
    'data-state': selected ? 'selected' : 'unselected',
    onClick: () => onSelect(user),
    onMouseMove: () => {
      if (!highlighted) onHighlight(index);
    },
  };
  return (
    <li
      className={cx('hc-user-picker__option', highlighted && 'is-highlighted')}
      {...option}
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        width: '100%',
        height: props.height,
        transform: `translateY(${props.start}px)`,
      }}
    >
      {props.renderOption ? (
        props.renderOption(user, { selected, highlighted })
      ) : (
        <UserOption user={user} messages={props.messages} />
      )}
    </li>
  );
});
