/** The custom element's tag. */
export const BUTTON_TAG = 'harvest-connect-button';

/**
 * Defines `<harvest-connect-button link-token-url="..." server-url="...">Connect Harvest</harvest-connect-button>`:
 * a real `<button>` in an open shadow root (keyboard, focus and screen readers work as for any button), the
 * element's children as its label (a button in a shadow root never submits the page's form), styleable from
 * the page through `::part(button)`. No inline style and no HTML strings (Trusted Types safe). Clicks are
 * handled by `bindButtons`' delegated listener, which finds this element on the event's composed path. Defining
 * twice is a no-op; without custom element support it does nothing.
 *
 * @example
 * defineConnectButton(window);
 * // <harvest-connect-button link-token-url="/api/harvest/link-token">Connect Harvest</harvest-connect-button>
 */
export function defineConnectButton(win: Window & typeof globalThis): void {
  const registry = win.customElements;
  if (!registry || registry.get(BUTTON_TAG)) return;
  // Declared here, not at module scope: `HTMLElement` does not exist during server-side rendering.
  class HarvestConnectButton extends win.HTMLElement {
    connectedCallback(): void {
      if (this.shadowRoot) return;
      // Built node by node, not with `innerHTML`: pages that enforce Trusted Types forbid string HTML sinks.
      const doc = win.document;
      const button = doc.createElement('button');
      const slot = doc.createElement('slot');
      button.setAttribute('part', 'button');
      slot.textContent = 'Connect Harvest';
      button.append(slot);
      this.attachShadow({ mode: 'open' }).append(button);
    }
  }
  registry.define(BUTTON_TAG, HarvestConnectButton);
}
