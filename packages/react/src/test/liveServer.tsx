import type { SessionScope } from '@harvest-connect/protocol';
import type { ReactElement } from 'react';
import { harness, sessionToken, type Who } from '../../../server/src/data-api/test/harness';
import { renderWithProvider } from './renderWithProvider';

export const SERVER_URL = 'http://connect.test';

/**
 * The server's real data API over a real in-process Harvest sandbox (the server team's own harness), with the
 * sandbox's clock at the real time so "today" agrees with the browser's. Requests go through `app.request`:
 * no socket, no mock.
 */
export async function liveServer() {
  const h = await harness({ sandbox: { seed: 'react-integration', now: Date.now() } });
  const serverFetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    Promise.resolve(
      h.app.request(input instanceof Request ? input.url : String(input), init),
    )) as typeof fetch;
  return {
    h,
    serverFetch,
    /** Calls the data API directly as `who`, to check what the widgets did. */
    async call<T>(who: Who, scopes: SessionScope[], path: string): Promise<T> {
      const res = await serverFetch(`${SERVER_URL}${path}`, {
        headers: { authorization: `Bearer ${sessionToken(who, scopes)}` },
      });
      return (await res.json()) as T;
    },
    /** Renders `ui` in a provider whose session token acts for `who` with `scopes`. */
    render(ui: ReactElement, who: Who, scopes: SessionScope[]) {
      return renderWithProvider(ui, {
        serverUrl: SERVER_URL,
        sessionToken: sessionToken(who, scopes),
        fetch: serverFetch,
        locale: 'en-US',
      });
    },
  };
}
