import { createConnect } from '@harvest-connect/connect';
import { HarvestConnectProvider } from '@harvest-connect/react';
import { acmeApi } from './acme-api';
import { Layout } from './components/Layout';
import { BillingPage } from './pages/BillingPage';
import { ConnectPage } from './pages/ConnectPage';
import { PeoplePage } from './pages/PeoplePage';
import { TicketsPage } from './pages/TicketsPage';
import { UtilizationPage } from './pages/UtilizationPage';
import { usePath } from './router';
import { useAcme } from './useAcme';

// A knob for trying the SDK's timeout: `?connect_timeout_ms=3000` ends a connect flow after three seconds.
const timeoutParam = Number(new URLSearchParams(window.location.search).get('connect_timeout_ms'));
const timeoutMs = timeoutParam > 0 ? timeoutParam : undefined;

function Page({ path }: { path: string }) {
  switch (path) {
    case '/people':
      return <PeoplePage />;
    case '/tickets':
      return <TicketsPage />;
    case '/billing':
      return <BillingPage />;
    case '/utilization':
      return <UtilizationPage />;
    default:
      return <ConnectPage />;
  }
}

/** Acme Projects: its pages, each wired to Harvest Connect through one provider. */
export function App() {
  const path = usePath();
  const { config, account, error } = useAcme();
  if (error) {
    return (
      <Layout path={path}>
        <p role="alert">Acme's backend did not answer: {error.message}</p>
      </Layout>
    );
  }
  if (!config) {
    return (
      <Layout path={path}>
        <p role="status">Loading…</p>
      </Layout>
    );
  }
  return (
    // A new linked account means a new session token: keying the provider on it starts the widgets afresh.
    <HarvestConnectProvider
      key={account?.id ?? 'none'}
      serverUrl={config.server_url}
      getSessionToken={acmeApi.sessionToken}
      createConnect={(options) => createConnect({ ...options, ...(timeoutMs ? { timeoutMs } : {}) })}
      theme="light"
    >
      <Layout path={path} serverUrl={config.server_url}>
        <Page path={path} />
      </Layout>
    </HarvestConnectProvider>
  );
}
