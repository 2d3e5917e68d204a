import { TimerButton } from '@harvest-connect/react';
import { NeedsHarvest } from '../components/NeedsHarvest';
import { Showcase } from '../components/Showcase';
import { TICKETS, ticketUrl } from '../data/tickets';
import { timerSnippet } from './snippets';

/** Acme's tickets, each with a Harvest timer tied to it by its id and permalink. */
export function TicketsPage() {
  return (
    <>
      <h1>Tickets</h1>
      <p className="lead">
        Track time on a ticket without leaving Acme. The time entry in Harvest links back to the ticket, and
        only one timer runs at a time, across buttons and tabs.
      </p>
      <Showcase
        title="Timers on tickets"
        description={
          <p>Each ticket's TimerButton uses the ticket id and permalink as its external reference.</p>
        }
        code={timerSnippet}
      >
        <NeedsHarvest>
          <ul className="tickets">
            {TICKETS.map((ticket) => (
              <li key={ticket.id} id={ticket.id} className="ticket" aria-labelledby={`${ticket.id}-title`}>
                <div className="ticket__text">
                  <span className="ticket__id">{ticket.id}</span>
                  <h3 id={`${ticket.id}-title`} className="ticket__title">
                    {ticket.title}
                  </h3>
                  <span className="ticket__project">{ticket.projectName}</span>
                </div>
                <TimerButton
                  externalReference={{ id: ticket.id, groupId: ticket.project, permalink: ticketUrl(ticket) }}
                  name={`${ticket.id} ${ticket.title}`}
                />
              </li>
            ))}
          </ul>
        </NeedsHarvest>
      </Showcase>
    </>
  );
}
