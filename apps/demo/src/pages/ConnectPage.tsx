import { ConnectButton, ConnectionStatus } from '@harvest-connect/react';
import { acmeApi } from '../acme-api';
import { CodeSnippet } from '../components/CodeSnippet';
import { Showcase } from '../components/Showcase';
import { useLastOutcome } from '../outcome-store';
import { useAcme } from '../useAcme';
import { backendSnippet, connectButtonSnippet, connectionStatusSnippet, providerSnippet } from './snippets';

/** Link a Harvest account: status, connect button, and the backend code behind them. */
export function ConnectPage() {
  const { account, config, refresh } = useAcme();
  const { outcome, set: setOutcome } = useLastOutcome();
  return (
    <>
      <h1>Connect Harvest</h1>
      <p className="lead">
        Acme Projects links each customer's Harvest account once; from then on tickets have timers, people
        come from Harvest's directory and billing shows Harvest invoices.
      </p>
      {config?.sandbox_url ? (
        <aside className="note" aria-label="About the sandbox">
          This demo talks to a local Harvest sandbox. Sign in as any seeded person, or paste a personal access
          token from{' '}
          <a href={`${config.sandbox_url}/__sandbox/credentials`} target="_blank" rel="noreferrer">
            the sandbox's credentials
          </a>
          .
        </aside>
      ) : null}

      <Showcase
        title="Connection status"
        description={<p>Where this customer's Harvest connection stands, with Reconnect when it needs it.</p>}
        code={connectionStatusSnippet}
      >
        <ConnectionStatus
          linkToken={() => acmeApi.linkToken(true)}
          onSuccess={(result) => {
            setOutcome(`success: ${result.harvest_account.name}`);
            void refresh();
          }}
          onExit={(exit) => setOutcome(exit.type)}
        />
      </Showcase>

      <Showcase
        title="Connect button"
        description={
          <p>
            Opens Harvest's sign-in in a popup (or, where popups are blocked, in this tab and back). The
            customer picks the Harvest account, and the popup closes.
          </p>
        }
        code={connectButtonSnippet}
      >
        <ConnectButton
          linkToken={() => acmeApi.linkToken()}
          onSuccess={(result) => {
            setOutcome(`success: ${result.harvest_account.name}`);
            void refresh();
          }}
          onExit={(exit) => setOutcome(exit.type)}
        />
        <p className="outcome">
          Last outcome: <output data-testid="connect-outcome">{outcome}</output>
        </p>
        {account ? (
          <p data-testid="linked-account">
            Linked: <strong>{account.harvest_account.name}</strong> as {account.harvest_user.name} (
            {account.auth_type}, <span data-testid="account-status">{account.status}</span>).{' '}
            <button
              type="button"
              className="button button--quiet"
              onClick={() => void acmeApi.disconnect().then(refresh)}
            >
              Disconnect
            </button>
          </p>
        ) : null}
        {account?.status === 'needs_reauth' ? (
          // Acme's backend also learns of a revoked grant (the account's status, or a webhook): it offers the
          // repair right here, for this very account.
          <p>
            Harvest refused this connection.{' '}
            <ConnectButton
              integratedAccountId={account.id}
              linkToken={() => acmeApi.linkToken(true)}
              onSuccess={(result) => {
                setOutcome(`success: ${result.harvest_account.name}`);
                void refresh();
              }}
              onExit={(exit) => setOutcome(exit.type)}
            >
              Reconnect Harvest
            </ConnectButton>
          </p>
        ) : null}
      </Showcase>

      <section className="showcase" aria-labelledby="wiring">
        <h2 id="wiring">Your backend and the provider</h2>
        <p>
          Your backend holds the API key and mints short-lived tokens; the page wraps the widgets in one
          provider.
        </p>
        <div className="showcase__grid">
          <CodeSnippet title="Your backend" code={backendSnippet} language="ts" />
          <CodeSnippet title="Provider" code={providerSnippet} />
        </div>
      </section>
    </>
  );
}
