import type { Connect } from './connect';
import type { FlowCallbacks } from './options';

/** The elements the script tag drives: plain buttons with the data attribute, and the custom element. */
export const BUTTON_SELECTOR = '[data-harvest-connect],harvest-connect-button';

/** What `bindButtons` needs from the page. */
export interface BindOptions {
  /** The connect instance for a server URL (the element's own, or the script tag's when `undefined`). */
  connectFor: (serverUrl: string | undefined) => Connect;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
}

/**
 * Dispatches `harvest-connect:<name>` on an element; it bubbles (and leaves a shadow root), so a listener on
 * `document` sees every button's events.
 *
 * @example
 * dispatch(button, 'success', outcome);
 */
export function dispatch(target: EventTarget, name: 'success' | 'exit' | 'event', detail: unknown): void {
  target.dispatchEvent(new CustomEvent(`harvest-connect:${name}`, { detail, bubbles: true, composed: true }));
}

/**
 * The callbacks that turn a flow's outcome and events into DOM events on `target`.
 *
 * @example
 * connect.handleRedirect(domCallbacks(document));
 */
export function domCallbacks(target: EventTarget): FlowCallbacks {
  return {
    onEvent: (e) => dispatch(target, 'event', e),
    onSuccess: (_, outcome) => dispatch(target, 'success', outcome),
    onExit: (outcome) => dispatch(target, 'exit', outcome),
  };
}

/**
 * Asks the product's own backend for a link token: `POST` to its URL with the page's cookies, answering
 * `{ link_token }`.
 *
 * @example
 * const token = await fetchLinkToken(fetch, '/api/harvest/link-token');
 */
export async function fetchLinkToken(fetcher: BindOptions['fetch'], url: string): Promise<string> {
  // `credentials: 'same-origin'` is fetch's default: the product's cookies go to its own backend only.
  const res = await fetcher(url, { method: 'POST' });
  if (!res.ok) throw res.status;
  return ((await res.json()) as { link_token: string }).link_token;
}

/**
 * Binds every present and future `<button data-harvest-connect data-link-token-url="...">` and
 * `<harvest-connect-button link-token-url="...">` through one delegated click listener. Each click opens the
 * window first, then fetches the link token. Outcomes and analytics events are dispatched on the element as
 * `harvest-connect:success`, `harvest-connect:exit` and `harvest-connect:event`.
 *
 * @example
 * bindButtons(document, { connectFor: () => connect, fetch: (u, i) => fetch(u, i) });
 * document.addEventListener('harvest-connect:success', (e) => location.reload());
 */
export function bindButtons(root: Document | HTMLElement, options: BindOptions): void {
  root.addEventListener('click', (event: Event): void => {
    // The event path, not `target.closest()`: it also walks out of the custom element's (open) shadow root.
    const el = event.composedPath().find((node) => (node as Element).matches?.(BUTTON_SELECTOR)) as
      | HTMLElement
      | undefined;
    if (!el) return;
    // `data-*` on the plain button, bare attributes on the custom element.
    const attr = (name: string) => el.getAttribute(`data-${name}`) ?? el.getAttribute(name) ?? undefined;
    const url = attr('link-token-url');
    if (!url) return;
    event.preventDefault();
    void options.connectFor(attr('server-url')).open({
      ...domCallbacks(el),
      linkToken: () => fetchLinkToken(options.fetch, url),
      integratedAccountId: attr('integrated-account-id'),
    });
  });
}
