import { useSyncExternalStore } from 'react';

/** The demo's pages, in menu order. */
export const PAGES = [
  { path: '/', title: 'Connect' },
  { path: '/people', title: 'People' },
  { path: '/tickets', title: 'Tickets' },
  { path: '/billing', title: 'Billing' },
  { path: '/utilization', title: 'Utilization' },
] as const;

export type PagePath = (typeof PAGES)[number]['path'];

const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};
window.addEventListener('popstate', notify);

/** Goes to a page without reloading (the history entry keeps the back button working). */
export function navigate(path: PagePath): void {
  if (window.location.pathname === path) return;
  window.history.pushState(null, '', path);
  notify();
}

/**
 * The current page path: a tiny router, enough for five pages.
 *
 * @example
 * const path = usePath();
 */
export function usePath(): string {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => window.location.pathname,
  );
}
