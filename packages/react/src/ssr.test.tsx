// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConnectButton } from './connect/ConnectButton';
import { ConnectionStatus } from './connect/ConnectionStatus';
import { InvoiceStatusPanel } from './invoices/InvoiceStatusPanel';
import { HarvestConnectProvider } from './provider/HarvestConnectProvider';
import { timeKeys } from './queries/timers';
import { userDirectoryKeys } from './queries/userDirectory';
import { testQueryClient } from './test/renderWithProvider';
import { company, makeEntry, me } from './test/timeFixtures';
import { TimerButton } from './timer/TimerButton';
import { UserPicker } from './user-picker/UserPicker';
import { UtilizationOverview } from './utilization/UtilizationOverview';

describe('server-side rendering', () => {
  it('renders every widget without a window, showing no clock-dependent time', async () => {
    expect(typeof window).toBe('undefined');
    // Importing the whole package must not touch browser globals either.
    await import('./index');
    const qc = testQueryClient();
    qc.setQueryData(
      timeKeys.running(),
      makeEntry({ is_running: true, timer_started_at: '2026-12-04T08:00:00Z' }),
    );
    qc.setQueryData(timeKeys.company(), company);
    qc.setQueryData(userDirectoryKeys.me(), me);
    const html = renderToString(
      <HarvestConnectProvider serverUrl="https://connect.example.com" sessionToken="hc_st_x" queryClient={qc}>
        <ConnectButton linkToken="hc_lt_x" />
        <ConnectionStatus />
        <UserPicker multiple users={[me.user]} defaultValue={[me.user.id]} />
        <TimerButton externalReference={{ id: 'item-1', groupId: 'g', permalink: 'https://x.test/1' }} />
        <InvoiceStatusPanel />
        <UtilizationOverview />
      </HarvestConnectProvider>,
    );
    expect(html).toContain('Connect Harvest');
    expect(html).toContain('role="combobox"');
    expect(html).toContain('data-state="running"');
    // The server snapshot of the shared clock is 0: the client fills in the elapsed time after hydration.
    expect(html).toMatch(/role="timer"[^>]*>0:00:00<\/span>/);
    expect(html).toContain('Loading invoices…');
  });
});
