import { UserPicker } from '@harvest-connect/react';
import { useState } from 'react';
import { NeedsHarvest } from '../components/NeedsHarvest';
import { Showcase } from '../components/Showcase';
import { TICKETS } from '../data/tickets';
import { Directory } from './Directory';
import { directorySnippet, userPickerSnippet } from './snippets';

const STORAGE_KEY = 'acme.ticket-owners';

/** Owners are Acme's data (kept in this browser for the demo): a Harvest user id and name per ticket. */
type Owners = Record<string, { id: string; name: string } | null>;

function loadOwners(): Owners {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Owners;
  } catch {
    return {};
  }
}

/** Assign ticket owners from Harvest's people, and browse the directory. */
export function PeoplePage() {
  const [owners, setOwners] = useState(loadOwners);
  const [ticketId, setTicketId] = useState(TICKETS[0]!.id);
  const setOwner = (owner: { id: string; name: string } | null) => {
    const next = { ...owners, [ticketId]: owner };
    setOwners(next);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  };
  const owner = owners[ticketId] ?? null;
  return (
    <>
      <h1>People</h1>
      <p className="lead">
        Acme's people come from the customer's Harvest account: no second user list to keep.
      </p>
      <Showcase
        title="Assign ticket owners"
        description={
          <p>Search by name or email, filter by role, and pick with the keyboard (arrows, Enter, Escape).</p>
        }
        code={userPickerSnippet}
      >
        <NeedsHarvest>
          <div className="field">
            <label htmlFor="owner-ticket">Ticket</label>
            <select id="owner-ticket" value={ticketId} onChange={(e) => setTicketId(e.target.value)}>
              {TICKETS.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.id} {t.title}
                </option>
              ))}
            </select>
          </div>
          <UserPicker
            key={ticketId}
            label="Owner"
            value={owner?.id ?? null}
            onChange={(id, user) => setOwner(id && user ? { id, name: user.name } : null)}
          />
          <p role="status" data-testid="ticket-owner">
            {owner ? `Owner of ${ticketId}: ${owner.name}` : `${ticketId} has no owner yet.`}
          </p>
          <table className="owners">
            <caption>Ticket owners</caption>
            <thead>
              <tr>
                <th scope="col">Ticket</th>
                <th scope="col">Owner</th>
              </tr>
            </thead>
            <tbody>
              {TICKETS.map((t) => (
                <tr key={t.id}>
                  <td>{t.id}</td>
                  <td>{owners[t.id]?.name ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </NeedsHarvest>
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
