import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakePopup, FakeServer, LINK_TOKEN, SERVER_URL } from './test/fake-env';

const server = new FakeServer();
const popup = new FakePopup();
const productCalls: string[] = [];

beforeAll(async () => {
  const script = document.createElement('script');
  script.dataset.serverUrl = SERVER_URL;
  Object.defineProperty(document, 'currentScript', { value: script, configurable: true });
  vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    if (url.startsWith(SERVER_URL)) return server.handle(url, init);
    productCalls.push(`${init.method} ${url}`);
    return Promise.resolve(Response.json({ link_token: LINK_TOKEN }));
  });
  await import('./script-tag');
});
afterAll(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the script-tag entry', () => {
  it('exposes HarvestConnect.createConnect and defines the custom element', () => {
    const global = (window as unknown as { HarvestConnect: { createConnect: unknown } }).HarvestConnect;
    expect(typeof global.createConnect).toBe('function');
    expect(customElements.get('harvest-connect-button')).toBeDefined();
  });

  it("binds the page's buttons with the script's data-server-url", async () => {
    document.body.innerHTML =
      '<button data-harvest-connect data-link-token-url="/link-token">Connect</button>';
    document.querySelector('button')!.click();
    expect(window.open).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(popup.url).toBe(`${SERVER_URL}/connect/cs_1`));
    expect(productCalls).toEqual(['POST /link-token']);
    expect(server.requests[0]).toMatchObject({ method: 'POST', authorization: `Bearer ${LINK_TOKEN}` });
    const success = vi.fn();
    document.addEventListener('harvest-connect:success', success);
    server.succeed();
    await vi.waitFor(() => expect(success).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(popup.closedByOpener).toBe(true);
    document.body.innerHTML = '';
  });
});
