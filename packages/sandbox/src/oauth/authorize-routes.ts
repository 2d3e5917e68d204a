import { Hono } from 'hono';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { readBody } from '../http/body';
import { secret } from '../store/auth-store';
import { authorizePage, errorPage, type PagePerson } from './authorize-page';

const CODE_TTL_MS = 10 * 60_000;
const FIELDS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'state',
  'code_challenge',
  'code_challenge_method',
];

/** People on the page: the credential holders first, then others, capped so `--scale large` stays usable. */
function pagePeople(rt: SandboxRuntime, limit = 60): PagePerson[] {
  const { store } = rt;
  const first = [
    store.people.administrator,
    store.people.manager,
    store.people.member,
    store.people.multiAccount,
  ];
  // Archived people cannot sign in, so they are not offered.
  const active = (id: number) =>
    store.identities
      .get(id)!
      .memberships.some((m) => store.accounts.get(m.accountId)?.users.get(m.userId)?.isActive);
  const rest = [...store.identities.keys()]
    .filter((id) => !first.includes(id) && active(id))
    .slice(0, limit - first.length);
  return [...first, ...rest].map((id) => {
    const identity = store.identities.get(id)!;
    return {
      identityId: id,
      name: `${identity.firstName} ${identity.lastName}`,
      email: identity.email,
      roles: identity.memberships.map((m) => {
        const account = store.accounts.get(m.accountId)!;
        return { company: account.company.name, role: account.users.get(m.userId)!.accessRole };
      }),
    };
  });
}

/**
 * `GET /oauth2/authorize` shows the consent page; `POST /oauth2/authorize` (its form) redirects back with a
 * code (or, for `response_type=token`, the token in the query string as seen live) or `error=access_denied`.
 *
 * @example
 * app.route('/', authorizeRoutes(runtime));
 */
export function authorizeRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });

  /** Checks client and redirect URI; returns the redirect target or an error page. */
  const check = (p: Record<string, string | undefined>) => {
    const client = rt.auth.clients.get(p.client_id ?? '');
    if (!client) return { error: 'Unknown client_id.' } as const;
    const redirect = p.redirect_uri || client.redirectUri;
    // fact sheet §1.2: a given redirect_uri must start with the registered Redirect URL.
    if (!redirect.startsWith(client.redirectUri) || !URL.canParse(redirect)) {
      return { error: 'redirect_uri does not match the registered Redirect URL.' } as const;
    }
    if (p.response_type !== 'code' && p.response_type !== 'token') {
      return { error: 'response_type must be "code" or "token".' } as const;
    }
    if (
      p.code_challenge &&
      (p.code_challenge_method ?? 'plain') !== 'S256' &&
      p.code_challenge_method !== 'plain'
    ) {
      return { error: 'code_challenge_method must be S256.' } as const;
    }
    return { client, redirect } as const;
  };

  app.get('/oauth2/authorize', (c) => {
    const q = c.req.query();
    const checked = check(q);
    if ('error' in checked) return c.html(errorPage(String(checked.error)), 400);
    const hidden: Record<string, string> = {};
    for (const f of FIELDS) if (q[f] !== undefined) hidden[f] = q[f]!;
    return c.html(authorizePage({ appName: checked.client.name, people: pagePeople(rt), hidden }));
  });

  app.post('/oauth2/authorize', async (c) => {
    const body = await readBody(c);
    const p: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') p[k] = v;
    const checked = check(p);
    if ('error' in checked) return c.html(errorPage(String(checked.error)), 400);
    const target = new URL(checked.redirect);
    const reply = (params: Record<string, string>) => {
      for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
      if (p.state !== undefined) target.searchParams.set('state', p.state);
      return c.redirect(target.toString(), 302);
    };
    if (p.decision !== 'approve') return reply({ error: 'access_denied' });
    const identity = rt.store.identities.get(Number(p.person_id));
    if (!identity) return c.html(errorPage('Choose a person to sign in as.'), 400);
    const accountIds = identity.memberships.map((m) => m.accountId);
    // Several accounts are joined by "+" in the URL, i.e. a space once decoded (fact sheet §1.3).
    const scope = accountIds.map((id) => `harvest:${id}`).join(' ');
    const now = rt.clock.now();
    if (p.response_type === 'token') {
      const lifetime = rt.settings.accessTokenLifetimeSeconds;
      const token = rt.auth.issue({
        kind: 'access',
        identityId: identity.id,
        accountIds,
        clientId: checked.client.clientId,
        grantId: `grant:${identity.id}:${checked.client.clientId}`,
        expiresAt: now + lifetime * 1000,
      });
      return reply({ access_token: token.value, token_type: 'bearer', expires_in: String(lifetime), scope });
    }
    const code = secret(18);
    rt.auth.codes.set(code, {
      code,
      clientId: checked.client.clientId,
      identityId: identity.id,
      accountIds,
      redirectUri: p.redirect_uri || null,
      codeChallenge: p.code_challenge || null,
      codeChallengeMethod: p.code_challenge ? (p.code_challenge_method ?? 'plain') : null,
      expiresAt: now + CODE_TTL_MS,
      used: false,
    });
    return reply({ code, scope });
  });
  return app;
}
