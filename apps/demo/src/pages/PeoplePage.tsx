import { UserPicker } from '@harvest-connect/react';
import { useState } from 'react';
import { NeedsHarvest } from '../components/NeedsHarvest';
import { Showcase } from '../components/Showcase';
import { TICKETS } from '../data/tickets';
import { Directory } from './Directory';
import { directorySnippet, userPickerSnippet } from './snippets';

const STORAGE_KEY = 'acme.ticket-owners';

function loadOwners(): Record<string, string | null> {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, string | null>;
  } catch {
    return {};
  }
}

/** Assign ticket owners from Harvest's people, and browse the directory. */
export function PeoplePage() {
  const [owners, setOwners] = useState(loadOwners);
  const [names, setNames] = useState<Record<string, string>>({});
  const ticket = TICKETS[0]!;
  const setOwner = (id: string | null, name: string | null) => {
    const next = { ...owners, [ticket.id]: id };
    setOwners(next);
    setNames((n) => (id && name ? { ...n, [id]: name } : n));
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  };
  const owner = owners[ticket.id] ?? null;
  return (
    <>
      <h1>People</h1>
      <p className="lead">
        Acme's people come from the customer's Harvest account: no second user list to keep.
      </p>
      <Showcase
        title="Assign a ticket owner"
        description={
          <p>Search by name or email, filter by role, and pick with the keyboard (arrows, Enter, Escape).</p>
        }
        code={userPickerSnippet}
      >
        <p>
          <strong>{ticket.id}</strong> {ticket.title}
        </p>
        <NeedsHarvest>
          <UserPicker label="Owner" value={owner} onChange={(id, user) => setOwner(id, user?.name ?? null)} />
        </NeedsHarvest>
        <p role="status" data-testid="ticket-owner">
          {owner ? `Owner: ${names[owner] ?? owner}` : 'No owner yet.'}
        </p>
      </Showcase>
      <Showcase
        title="User and role directory"
        description={<p>The Unified User Directory: people, their roles and employment type.</p>}
        code={directorySnippet}
      >
        <NeedsHarvest>
          <Directory />
        </NeedsHarvest>
      </Showcase>
    </>
  );
}
