import { createHash, randomBytes } from 'node:crypto';
import { SCOPES } from '../../src/api/access';
import { DEV_CLIENT_ID, DEV_PROVIDER_PATH } from './dev-provider';

/** What the token endpoint answers. */
export interface Tokens {
  access_token: string;
  refresh_token?: string;
  id_token: string;
  scope: string;
  expires_in: number;
}

/** What the live build asks for. */
const SCOPE = ['openid', 'profile', 'offline_access', ...Object.values(SCOPES)].join(' ');

/**
 * Signs in at the development provider as a browser would, by Authorization Code with PKCE: the
 * authorization request, the sign-in form, the redirect back with a code, the code for tokens.
 * For tests of the reference server, which must see real tokens.
 */
export async function signInAs(origin: string, username: string, password: string): Promise<Tokens> {
  const cookies = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(new URL(url, origin), {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        Cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        Origin: origin,
      },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      cookies.set(name.trim(), value);
    }
    return response;
  };
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = `${origin}/`;
  const state = randomBytes(8).toString('hex');
  const authorize = new URLSearchParams({
    client_id: DEV_CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: SCOPE,
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  let response = await go(`${DEV_PROVIDER_PATH}/auth?${authorize}`);
  const interaction = response.headers.get('location');
  if (!interaction) throw new Error(`no sign-in interaction: ${response.status} ${await response.text()}`);
  await go(interaction);
  response = await go(`${interaction}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }).toString(),
  });
  // Back to the provider, which sends the browser to the app with a code.
  for (let hops = 0; hops < 5 && response.headers.get('location')?.includes(DEV_PROVIDER_PATH); hops++)
    response = await go(response.headers.get('location')!);
  const back = new URL(response.headers.get('location') ?? '', origin);
  const code = back.searchParams.get('code');
  if (!code || back.searchParams.get('state') !== state)
    throw new Error(`sign-in as ${username} did not return a code: ${response.status} ${back}`);
  response = await go(`${DEV_PROVIDER_PATH}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: DEV_CLIENT_ID,
      code_verifier: verifier,
    }).toString(),
  });
  if (!response.ok) throw new Error(`token request refused: ${response.status} ${await response.text()}`);
  return (await response.json()) as Tokens;
}

/** A new access token for a refresh token, as the live build renews one. */
export async function refresh(origin: string, refreshToken: string): Promise<Tokens> {
  const response = await fetch(`${origin}${DEV_PROVIDER_PATH}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: DEV_CLIENT_ID,
    }).toString(),
  });
  if (!response.ok) throw new Error(`refresh refused: ${response.status} ${await response.text()}`);
  return (await response.json()) as Tokens;
}
