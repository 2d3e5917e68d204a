import type { Hono } from 'hono';

/** What a browser needs to walk the popup: one cookie jar, requests to our app or to the sandbox. */
export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: { request: Hono['request'] }) {}

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
  }

  private cookieHeader(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  /** GET a path of our server, with cookies; redirects are not followed. */
  async get(path: string): Promise<Response> {
    const res = await this.app.request(path, { headers: this.cookieHeader() });
    this.remember(res);
    return res;
  }

  /** POST a form from one of our pages (same-origin, as a browser would mark it). */
  async post(path: string, form: Record<string, string> = {}): Promise<Response> {
    const res = await this.app.request(path, {
      method: 'POST',
      headers: {
        ...this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
        origin: 'null',
      },
      body: new URLSearchParams(form).toString(),
    });
    this.remember(res);
    return res;
  }
}

/** The hidden inputs of an HTML form, as the sandbox's consent page renders them. */
export function hiddenInputs(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    out[m[1]!] = m[2]!
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  }
  return out;
}

/** A path plus query of an absolute or relative Location. */
export function pathOf(location: string | null): string {
  const url = new URL(location ?? '', 'http://x.invalid');
  return `${url.pathname}${url.search}`;
}
