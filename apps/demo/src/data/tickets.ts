/** One of Acme's own tickets (not Harvest data: it lives in Acme's product). */
export interface Ticket {
  id: string;
  title: string;
  project: string;
  projectName: string;
}

/** The demo's tickets. */
export const TICKETS: Ticket[] = [
  {
    id: 'ACME-101',
    title: 'Checkout page times out on slow networks',
    project: 'web',
    projectName: 'Website',
  },
  { id: 'ACME-102', title: 'Add dark mode to the dashboard', project: 'web', projectName: 'Website' },
  { id: 'ACME-103', title: 'Export reports as CSV', project: 'reports', projectName: 'Reporting' },
  { id: 'ACME-104', title: 'Push notifications for due dates', project: 'mobile', projectName: 'Mobile app' },
];

/** The ticket's permalink: Harvest shows it on the time entry, and it leads back here. */
export function ticketUrl(ticket: Ticket): string {
  return `${window.location.origin}/tickets#${ticket.id}`;
}
