import { createSandbox } from '@harvest-connect/sandbox';
import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl } from './authorize-url';
import { newPkce } from './pkce';

describe('buildAuthorizeUrl', () => {
  it('asks for a code with state and PKCE S256, and the sandbox consent page accepts it', async () => {
    const sandbox = createSandbox({ seed: 'authorize-url' });
    const { client_id, redirect_uri } = sandbox.credentials.oauth_client;
    const { challenge } = newPkce();
    const url = new URL(
      buildAuthorizeUrl({
        idUrl: 'https://id.example',
        clientId: client_id,
        redirectUri: redirect_uri,
        state: 's1',
        codeChallenge: challenge,
      }),
    );
    expect(url.origin + url.pathname).toBe('https://id.example/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id,
      response_type: 'code',
      redirect_uri,
      state: 's1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const page = await sandbox.app.request(`${url.pathname}${url.search}`);
    expect(page.status).toBe(200);
  });

  it('makes a fresh 43-character verifier and its S256 challenge each time', () => {
    const a = newPkce();
    const b = newPkce();
    expect(a.verifier).toMatch(/^[\w-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).not.toBe(a.verifier);
  });
});
