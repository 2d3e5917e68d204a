import type { ConnectSession, ConnectSuccess, ErrorResponse } from '@harvest-connect/protocol';
import type { ConnectEnv, MessageLike, PopupLike } from '../env';

/** A popup window the test can close, or make read `closed` while "open" (Cross-Origin-Opener-Policy). */
export class FakePopup implements PopupLike {
  closed = false;
  url = 'about:blank';
  focusCount = 0;
  closedByOpener = false;
  location = {
    replace: (url: string) => {
      this.url = url;
    },
  };
  close(): void {
    this.closed = true;
    this.closedByOpener = true;
  }
  focus(): void {
    this.focusCount++;
  }
}

export const SERVER_URL = 'https://connect.example.com';
export const LINK_TOKEN = 'hc_lt_test_token';

export const SUCCESS: ConnectSuccess = {
  integrated_account_id: 'ia_1',
  harvest_account: { id: 101, name: 'Acme Studio' },
  harvest_user: { id: 7, name: 'Ada Lovelace', email: 'ada@example.com' },
  reconnected: false,
};

interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | null;
  body: Record<string, unknown> | null;
}

/**
 * An in-memory stand-in for the connect-session endpoints of our own server (not Harvest): sessions the test
 * completes by hand, scripted failures, an offline switch and a log of every request.
 */
export class FakeServer {
  sessions = new Map<string, ConnectSession>();
  requests: RecordedRequest[] = [];
  validTokens = new Set([LINK_TOKEN]);
  offline = false;
  /** The next answers, before normal handling: `[status, body]`. */
  scripted: Array<[number, unknown]> = [];
  private next = 1;

  get lastSessionId(): string {
    return [...this.sessions.keys()].at(-1)!;
  }

  complete(id: string, patch: Partial<ConnectSession>): void {
    this.sessions.set(id, { ...this.sessions.get(id)!, ...patch });
  }

  succeed(id = this.lastSessionId, result: ConnectSuccess = SUCCESS): void {
    this.complete(id, { status: 'success', result });
  }

  async handle(url: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null;
    // As fetch does: no method means GET.
    const method = init.method ?? 'GET';
    this.requests.push({
      method,
      url,
      authorization: headers.get('authorization'),
      body,
    });
    if (this.offline) throw new TypeError('Failed to fetch');
    const scripted = this.scripted.shift();
    if (scripted) return json(scripted[0], scripted[1]);
    const token = headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
    if (!this.validTokens.has(token)) return error(401, 'link_token.invalid');
    const path = url.slice(SERVER_URL.length);
    if (method === 'POST' && path === '/v1/connect-sessions') {
      const id = `cs_${this.next++}`;
      const session: ConnectSession = {
        id,
        status: 'pending',
        mode: body?.mode as ConnectSession['mode'],
        expires_at: '2026-12-04T23:00:00Z',
        result: null,
        error: null,
      };
      this.sessions.set(id, session);
      return json(201, { session, connect_url: `${SERVER_URL}/connect/${id}` });
    }
    const match = /^\/v1\/connect-sessions\/([^/]+)$/.exec(path);
    const session = match && this.sessions.get(decodeURIComponent(match[1]!));
    if (method === 'GET' && session) return json(200, session);
    return error(404, 'connect_session.not_found');
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function error(status: number, code: string): Response {
  const body: ErrorResponse = { error: { code, message: `fake ${code}` } };
  return json(status, body);
}

export interface FakeEnv extends ConnectEnv {
  server: FakeServer;
  popups: FakePopup[];
  /** `window.open` returns null (a popup blocker). */
  blockPopups: boolean;
  /** What `document.hasFocus()` answers. */
  focused: boolean;
  assigned: string[];
  storage: Map<string, string>;
  openCalls: Array<{ url: string; target: string; features: string }>;
  activeTimers(): number;
  messageListeners(): number;
  /** Delivers a `message` event to every listener, as the browser would. */
  post(event: MessageLike): void;
}

/**
 * A fake window for the SDK: timers go through the (faked) global timers but are counted, so a test can prove
 * that nothing is left behind.
 */
export function createFakeEnv(options: { href?: string; userAgent?: string } = {}): FakeEnv {
  const server = new FakeServer();
  const timers = new Set<number>();
  const listeners = new Set<(event: MessageLike) => void>();
  const storage = new Map<string, string>();
  const env: FakeEnv = {
    server,
    popups: [],
    blockPopups: false,
    focused: true,
    assigned: [],
    storage,
    openCalls: [],
    open(url, target, features) {
      env.openCalls.push({ url, target, features });
      if (env.blockPopups) return null;
      const popup = new FakePopup();
      env.popups.push(popup);
      return popup;
    },
    fetch: (url, init) => server.handle(url, init),
    setTimeout(fn, ms) {
      const id = setTimeout(() => {
        timers.delete(id);
        fn();
      }, ms) as unknown as number;
      timers.add(id);
      return id;
    },
    clearTimeout(id) {
      if (id === undefined) return;
      timers.delete(id);
      clearTimeout(id);
    },
    addEventListener: (_type, fn) => listeners.add(fn),
    removeEventListener: (_type, fn) => listeners.delete(fn),
    location: {
      href: options.href ?? 'https://app.example.com/settings/integrations',
      assign: (url) => env.assigned.push(url),
    },
    history: {
      state: null,
      replaceState: (_data, _unused, url) => {
        env.location.href = url;
      },
    },
    sessionStorage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => storage.set(key, value),
      removeItem: (key) => storage.delete(key),
    },
    document: { hasFocus: () => env.focused },
    navigator: {
      userAgent: options.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36',
    },
    crypto: globalThis.crypto,
    screenX: 100,
    screenY: 50,
    outerWidth: 1440,
    outerHeight: 900,
    activeTimers: () => timers.size,
    messageListeners: () => listeners.size,
    post(event) {
      for (const fn of [...listeners]) fn(event);
    },
  };
  return env;
}
