/**
 * The script-tag build (`connect.iife.js`, global `HarvestConnect`): binds every connect button of the page and
 * defines `<harvest-connect-button>`. Configured by its own tag:
 *
 * @example
 * <script src="/vendor/connect.iife.js" data-server-url="https://connect.example.com"></script>
 * <button data-harvest-connect data-link-token-url="/api/harvest/link-token">Connect Harvest</button>
 */
import { bindButtons, domCallbacks } from './bind-buttons';
import { defineConnectButton } from './button-element';
import { type Connect, createConnect } from './connect';

const script = document.currentScript as HTMLScriptElement | null;
const defaultServerUrl = script?.dataset.serverUrl;
const instances: Record<string, Connect> = {};

/** One instance per server URL, shared by every button that names it. */
function connectFor(serverUrl = defaultServerUrl): Connect {
  if (!serverUrl) throw new Error('Harvest Connect: no data-server-url');
  instances[serverUrl] ??= createConnect({ serverUrl });
  return instances[serverUrl];
}

bindButtons(document, { connectFor, fetch: (url, init) => fetch(url, init) });
defineConnectButton(window);

// This page may be the return of a redirect-mode flow that a button started (no popup could open).
if (defaultServerUrl) void connectFor().handleRedirect(domCallbacks(document));

// The global for pages that want the API itself: `HarvestConnect.createConnect({ serverUrl })`.
(window as unknown as { HarvestConnect: object }).HarvestConnect = { createConnect };
