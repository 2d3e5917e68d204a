import type { ConnectEvent, ConnectOutcome } from '@harvest-connect/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bindButtons } from './bind-buttons';
import { defineConnectButton } from './button-element';
import { createConnect } from './connect';
import { createFakeEnv, type FakeEnv, LINK_TOKEN, SERVER_URL, SUCCESS } from './test/fake-env';
import { flush } from './test/harness';

let env: FakeEnv;
let root: HTMLElement;
let productCalls: Array<{ url: string; init: RequestInit }>;
let giveToken: () => void;

beforeEach(() => {
  vi.useFakeTimers();
  env = createFakeEnv();
  productCalls = [];
  root = document.createElement('div');
  document.body.append(root);
  const connect = createConnect({ serverUrl: SERVER_URL }, env);
  bindButtons(root, {
    connectFor: (serverUrl) => {
      expect(serverUrl ?? SERVER_URL).toBe(SERVER_URL);
      return connect;
    },
    // The product's backend: answers once the test lets it.
    fetch: (url, init) => {
      productCalls.push({ url, init });
      return new Promise((resolve) => {
        giveToken = () => resolve(Response.json({ link_token: LINK_TOKEN }));
      });
    },
  });
  defineConnectButton(window);
});
afterEach(() => {
  root.remove();
  vi.useRealTimers();
});

function record(target: EventTarget) {
  const seen: Array<[string, unknown]> = [];
  for (const name of ['success', 'exit', 'event'])
    target.addEventListener(`harvest-connect:${name}`, (e) => seen.push([name, (e as CustomEvent).detail]));
  return seen;
}

describe('script-tag buttons', () => {
  it('opens the window on click, then asks the product backend for a link token, then dispatches the outcome', async () => {
    root.innerHTML =
      '<button data-harvest-connect data-link-token-url="/api/harvest/link-token"><span>Connect</span></button>';
    const button = root.querySelector('button')!;
    const seen = record(button);
    root.querySelector('span')!.click();
    expect(env.openCalls).toHaveLength(1);
    expect(productCalls).toEqual([{ url: '/api/harvest/link-token', init: { method: 'POST' } }]);
    expect(env.server.requests).toHaveLength(0); // still waiting for the token
    giveToken();
    await flush();
    env.server.succeed();
    await vi.advanceTimersByTimeAsync(2000);
    const success = seen.find(([name]) => name === 'success')![1] as ConnectOutcome;
    expect(success).toEqual({ type: 'success', session_id: 'cs_1', result: SUCCESS });
    expect(seen.filter(([name]) => name === 'event').map(([, e]) => (e as ConnectEvent).name)).toEqual([
      'open',
      'window_opened',
      'session_started',
      'success',
    ]);
    expect(seen.filter(([name]) => name === 'exit')).toEqual([]);
  });

  it('binds buttons added after the script ran, and ignores a button without a token URL', async () => {
    const late = document.createElement('button');
    late.setAttribute('data-harvest-connect', '');
    root.append(late);
    late.click();
    expect(env.openCalls).toHaveLength(0);
    late.setAttribute('data-link-token-url', '/token');
    const seen = record(document);
    late.click();
    late.click(); // a double click: still one window, one flow
    expect(env.openCalls).toHaveLength(1);
    expect(productCalls).toHaveLength(1);
    giveToken();
    await flush();
    env.popups[0]!.closed = true;
    await vi.advanceTimersByTimeAsync(5000);
    expect(seen.filter(([name]) => name === 'exit')).toEqual([
      ['exit', { type: 'cancelled', session_id: 'cs_1' }],
    ]);
  });

  it('reconnects the account named on the button', async () => {
    root.innerHTML =
      '<button data-harvest-connect data-link-token-url="/t" data-integrated-account-id="ia_9">Reconnect</button>';
    root.querySelector('button')!.click();
    giveToken();
    await flush();
    expect(env.server.requests[0]!.body).toMatchObject({ integrated_account_id: 'ia_9' });
  });
});

describe('<harvest-connect-button>', () => {
  it('renders a real button around its label slot, without inline style', () => {
    root.innerHTML = '<harvest-connect-button link-token-url="/t">Link Harvest</harvest-connect-button>';
    const host = root.querySelector('harvest-connect-button')!;
    const inner = host.shadowRoot!.querySelector('button')!;
    expect(inner.getAttribute('part')).toBe('button');
    expect(inner.querySelector('slot')).not.toBeNull();
    expect(host.shadowRoot!.innerHTML).not.toContain('style');
    expect(host.textContent).toBe('Link Harvest');
    defineConnectButton(window); // defining twice is harmless
  });

  it('starts a flow from its inner button and dispatches on the element', async () => {
    root.innerHTML =
      '<harvest-connect-button link-token-url="/t" server-url="https://connect.example.com">Go</harvest-connect-button>';
    const host = root.querySelector('harvest-connect-button')!;
    const seen = record(host);
    host.shadowRoot!.querySelector('button')!.click();
    expect(env.openCalls).toHaveLength(1);
    expect(productCalls[0]!.url).toBe('/t');
    giveToken();
    await flush();
    env.server.complete(env.server.lastSessionId, { status: 'cancelled' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen.filter(([name]) => name !== 'event')).toEqual([
      ['exit', { type: 'cancelled', session_id: 'cs_1' }],
    ]);
  });
});
