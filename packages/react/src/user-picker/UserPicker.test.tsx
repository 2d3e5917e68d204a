import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { makeUser, makeUsers } from '../test/fixtures';
import { renderWithProvider } from '../test/renderWithProvider';
import { UserPicker } from './UserPicker';

const users = makeUsers(30);

function input() {
  return screen.getByRole('combobox', { name: 'People' });
}

function options() {
  return within(screen.getByRole('listbox', { hidden: true })).queryAllByRole('option');
}

function activeOption() {
  const id = input().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
}

function ControlledHost() {
  const [ids, setIds] = useState<string[]>(['1003']);
  return (
    <>
      <UserPicker multiple users={users} value={ids} onChange={(next) => setIds(next.slice(-1))} />
      <output>{ids.join(',')}</output>
    </>
  );
}

describe('UserPicker keyboard', () => {
  it('wires the combobox to its listbox and opens with ArrowDown', async () => {
    const user = userEvent.setup();
    renderWithProvider(<UserPicker users={users} showFilters={false} />);
    const box = input();
    expect(box).toHaveAttribute('aria-expanded', 'false');
    const listbox = document.getElementById(box.getAttribute('aria-controls')!)!;
    expect(listbox).toHaveAttribute('role', 'listbox');
    await user.click(box);
    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(activeOption()).toHaveTextContent('Ada Lovelace');
  });

  it('moves with arrows, Home/End and PageUp/PageDown and wraps at the ends', async () => {
    const user = userEvent.setup();
    // The default filter shows active people only: 26 of 30.
    renderWithProvider(<UserPicker users={users} showFilters={false} />);
    await user.click(input());
    await user.keyboard('{ArrowDown}');
    expect(activeOption()).toHaveTextContent('Ada Lovelace');
    await user.keyboard('{ArrowDown}');
    expect(activeOption()).toHaveTextContent('Grace Lovelace');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    const active = users.filter((u) => u.status === 'active');
    expect(activeOption()).toHaveTextContent(active[active.length - 1]!.name);
    await user.keyboard('{Home}');
    expect(activeOption()?.id).toContain(`option-${active[0]!.id}`);
    await user.keyboard('{PageDown}');
    expect(activeOption()?.id).toContain(`option-${active[10]!.id}`);
    await user.keyboard('{End}');
    expect(activeOption()?.id).toContain(`option-${active[active.length - 1]!.id}`);
    await user.keyboard('{PageUp}');
    expect(activeOption()?.id).toContain(`option-${active[active.length - 11]!.id}`);
  });

  it('selects with Enter in single mode, closes, and calls onChange with the user', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithProvider(<UserPicker users={users} onChange={onChange} showFilters={false} />);
    const box = input();
    await user.type(box, 'hopper');
    expect(options()).toHaveLength(
      users.filter((u) => u.status === 'active' && u.name.includes('Hopper')).length,
    );
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenCalledWith('1010', expect.objectContaining({ name: 'Ada Hopper' }));
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).toHaveValue('');
    expect(screen.getByRole('list', { name: 'Selected people' })).toHaveTextContent('Ada Hopper');
  });

  it('Escape closes, then clears; Tab closes and moves focus on', async () => {
    const user = userEvent.setup();
    renderWithProvider(
      <>
        <UserPicker users={users} showFilters={false} />
        <button type="button">after</button>
      </>,
    );
    const box = input();
    await user.type(box, 'ada');
    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).toHaveValue('ada');
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');
    await user.keyboard('{ArrowDown}');
    await user.tab();
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('button', { name: 'after' })).toHaveFocus();
  });

  it('multiple: keeps the list open, marks options aria-selected, Backspace removes the last chip', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithProvider(<UserPicker multiple users={users} onChange={onChange} showFilters={false} />);
    const box = input();
    await user.click(box);
    await user.keyboard('{ArrowDown}{Enter}{ArrowDown}{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(['1000', '1001'], [users[0], users[1]]);
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('listbox')).toHaveAttribute('aria-multiselectable', 'true');
    expect(document.getElementById(input().getAttribute('aria-controls')!)).toBeVisible();
    const selected = options().filter((o) => o.getAttribute('aria-selected') === 'true');
    expect(selected.map((o) => o.textContent)).toEqual([
      expect.stringContaining('Ada Lovelace'),
      expect.stringContaining('Grace Lovelace'),
    ]);
    await user.keyboard('{Backspace}');
    expect(onChange).toHaveBeenLastCalledWith(['1000'], [users[0]]);
    const chips = screen.getByRole('list', { name: 'Selected people' });
    expect(within(chips).getAllByRole('listitem')).toHaveLength(1);
  });

  it('multiple: a chip is removable from the keyboard', async () => {
    const user = userEvent.setup();
    renderWithProvider(
      <UserPicker multiple users={users} defaultValue={['1000', '1002']} showFilters={false} />,
    );
    const remove = screen.getByRole('button', { name: 'Remove Alan Lovelace' });
    remove.focus();
    await user.keyboard('{Delete}');
    expect(screen.queryByRole('button', { name: 'Remove Alan Lovelace' })).toBeNull();
    expect(input()).toHaveFocus();
    screen.getByRole('button', { name: 'Remove Ada Lovelace' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('list', { name: 'Selected people' })).toBeNull();
  });

  it('is controllable: the parent decides the value', async () => {
    const user = userEvent.setup();
    renderWithProvider(<ControlledHost />);
    await user.click(input());
    await user.keyboard('{ArrowDown}{Enter}');
    // The parent keeps only the last pick: the control shows what the parent holds.
    expect(screen.getByText('1000', { selector: 'output' })).toBeInTheDocument();
    expect(options().filter((o) => o.getAttribute('aria-selected') === 'true')).toHaveLength(1);
  });
});

describe('UserPicker states and filters', () => {
  it('shows loading, error with retry, and empty states', async () => {
    const user = userEvent.setup();
    const { rerender } = renderWithProvider(<UserPicker users={[]} loading />);
    expect(input().closest('.hc-user-picker')).toHaveAttribute('data-state', 'loading');
    await user.click(input());
    expect(screen.getByRole('status')).toHaveTextContent('Loading people…');
    rerender(<UserPicker users={[]} error={new Error('boom')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('People could not be loaded.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    rerender(<UserPicker users={users} />);
    await user.type(input(), 'nobody-here');
    expect(input().closest('.hc-user-picker')).toHaveAttribute('data-state', 'empty');
    expect(screen.getByRole('status')).toHaveTextContent('No people match');
  });

  it('filters by type, status and role, and shows role chips and the contractor badge', async () => {
    const user = userEvent.setup();
    renderWithProvider(<UserPicker users={users} />);
    await user.selectOptions(screen.getByLabelText('Type'), 'contractor');
    await user.click(input());
    const shown = options();
    expect(shown.length).toBe(users.filter((u) => u.is_contractor && u.status === 'active').length);
    for (const option of shown) expect(option).toHaveTextContent('Contractor');
    await user.selectOptions(screen.getByLabelText('Status'), 'inactive');
    await user.selectOptions(screen.getByLabelText('Type'), '');
    await user.click(input());
    expect(options()).toHaveLength(users.filter((u) => u.status === 'inactive').length);
    expect(options()[0]).toHaveTextContent('Inactive');
    await user.selectOptions(screen.getByLabelText('Status'), '');
    await user.selectOptions(screen.getByLabelText('Role'), 'r1');
    await user.click(input());
    // 15 people have the role; the virtualized list renders a window of them, the live region counts all.
    expect(screen.getByRole('status')).toHaveTextContent('15 people');
    expect(options().length).toBeGreaterThan(0);
    for (const option of options()) expect(option).toHaveTextContent('Design');
  });

  it('shows initials without a picture, and uses renderOption when given', async () => {
    const user = userEvent.setup();
    const withPicture = makeUser(0, { avatar_url: 'https://example.com/a.png' });
    renderWithProvider(
      <UserPicker users={[withPicture, makeUser(1)]} renderOption={(u, s) => `${u.name}:${s.selected}`} />,
    );
    await user.click(input());
    expect(options().map((o) => o.textContent)).toEqual(['Ada Lovelace:false', 'Grace Lovelace:false']);
  });

  it('re-renders only the rows that changed when a keystroke narrows the list', async () => {
    const user = userEvent.setup();
    const rendered: string[] = [];
    renderWithProvider(
      <UserPicker
        users={users}
        showFilters={false}
        renderOption={(u) => {
          rendered.push(u.name);
          return u.name;
        }}
      />,
    );
    // "l" matches everyone (every email has "example"); "lo" keeps the Lovelaces at the top, same places.
    await user.type(input(), 'l');
    expect(options()[0]).toHaveTextContent('Ada Lovelace');
    rendered.length = 0;
    await user.type(input(), 'o');
    expect(options().map((o) => o.textContent)).toContain('Grace Lovelace');
    expect(rendered).not.toContain('Ada Lovelace');
    expect(rendered).not.toContain('Grace Lovelace');
  });

  it('renders only a window of a 10,000-person list', async () => {
    const user = userEvent.setup();
    renderWithProvider(<UserPicker users={makeUsers(10_000)} showFilters={false} defaultFilters={{}} />);
    await user.click(input());
    expect(options().length).toBeLessThan(60);
    await user.keyboard('{End}');
    expect(activeOption()?.id).toContain('option-10999');
  });
});
