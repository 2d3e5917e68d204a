import type { ReactNode } from 'react';
import { navigate } from '../router';
import { useAcme } from '../useAcme';

/**
 * Shows its children once a Harvest account is linked; before that, a pointer to the Connect page.
 *
 * @example
 * <NeedsHarvest><TicketsList /></NeedsHarvest>
 */
export function NeedsHarvest({ children }: { children: ReactNode }) {
  const { account, loading } = useAcme();
  if (loading) return <p role="status">Loading…</p>;
  if (account) return <>{children}</>;
  return (
    <p className="note">
      Harvest is not connected yet.{' '}
      <a
        href="/"
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        Connect Harvest
      </a>{' '}
      to see this page with your data.
    </p>
  );
}
