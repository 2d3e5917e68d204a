// The code shown beside each widget: what a product team writes to get the same result.

export const providerSnippet = `import { HarvestConnectProvider } from '@harvest-connect/react';
import '@harvest-connect/react/styles.css';

// Your backend mints session tokens with its API key (see "Your backend").
const getSessionToken = () =>
  fetch('/api/harvest/session-token', { method: 'POST' }).then((r) => r.json());

<HarvestConnectProvider serverUrl="https://connect.acme.test" getSessionToken={getSessionToken}>
  <App />
</HarvestConnectProvider>`;

export const connectionStatusSnippet = `import { ConnectionStatus } from '@harvest-connect/react';

// "Connected as ...", or a Reconnect button once the customer's Harvest grant is revoked.
<ConnectionStatus
  linkToken={() =>
    fetch('/api/harvest/link-token', { method: 'POST', body: JSON.stringify({ reconnect: true }) })
      .then((r) => r.json())
      .then((j) => j.link_token)
  }
/>`;

export const connectButtonSnippet = `import { ConnectButton } from '@harvest-connect/react';

// The popup opens in the click itself; the link token may still be on its way.
<ConnectButton
  linkToken={() =>
    fetch('/api/harvest/link-token', { method: 'POST' }).then((r) => r.json()).then((j) => j.link_token)
  }
  onSuccess={(result) => console.log('linked', result.integrated_account_id)}
  onExit={(outcome) => console.log(outcome.type)} // cancelled, blocked, timeout or error
/>`;

export const backendSnippet = `// Your backend (Hono here): the API key never reaches the browser.
const hc = (path, body) =>
  fetch(\`\${process.env.HARVEST_CONNECT_URL}\${path}\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.HARVEST_CONNECT_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((r) => r.json());

app.post('/api/harvest/link-token', async (c) => {
  const { link_token } = await hc('/v1/link-tokens', { end_user_id: currentUser(c).id, origin: 'https://app.acme.test' });
  return c.json({ link_token });
});

app.post('/api/harvest/session-token', async (c) => {
  const account = await accountOf(currentUser(c)); // GET /v1/integrated-accounts?end_user_id=...
  // Scopes: only what the page needs (read-only by default; timers and payments need the write scopes).
  const scopes = ['user_directory:read', 'time:read', 'time:write', 'invoices:read', 'invoices:write'];
  return c.json(await hc('/v1/session-tokens', { integrated_account_id: account.id, scopes }));
});`;

export const userPickerSnippet = `import { UserPicker } from '@harvest-connect/react';

// Acme stores the Harvest user id as the ticket's owner.
<UserPicker label="Owner" value={ticket.ownerId} onChange={(id, user) => saveOwner(ticket.id, id, user?.name)} />`;

export const directorySnippet = `import { useHarvestConnect, useHarvestQueryClient, userDirectoryQueries } from '@harvest-connect/react';
import { useInfiniteQuery } from '@tanstack/react-query';

const { client } = useHarvestConnect();
const users = useInfiniteQuery(userDirectoryQueries.users(client, { status: 'active' }), useHarvestQueryClient());
const roles = useInfiniteQuery(userDirectoryQueries.roles(client), useHarvestQueryClient());`;

export const timerSnippet = `import { TimerButton } from '@harvest-connect/react';

{tickets.map((ticket) => (
  <TimerButton
    key={ticket.id}
    externalReference={{ id: ticket.id, groupId: ticket.project, permalink: ticket.url }}
    name={\`\${ticket.id} \${ticket.title}\`}
  />
))}`;

export const invoiceSnippet = `import { InvoiceStatusPanel } from '@harvest-connect/react';

// Badges, amounts in the viewer's locale, payment history and "Record payment".
<InvoiceStatusPanel defaultState="all" pageSize={10} />`;

export const utilizationSnippet = `import { UtilizationOverview } from '@harvest-connect/react';

// Billable and total hours against capacity, per person, for the week of the given day.
<UtilizationOverview week="2026-11-30" />`;
