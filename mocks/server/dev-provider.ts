import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';
import { SCOPES } from '../../src/api/access';
import { bearerAuthenticator } from './bearer';
import { accountScopes, checkPassword, DEV_ACCOUNTS } from './dev-accounts';
import {
  PAGE_STYLE_SOURCE,
  providerErrorPage,
  signedOutPage,
  signInPage,
  signOutPage,
} from './provider-pages';

/** Where the development provider lives on the reference server. */
export const DEV_PROVIDER_PATH = '/oidc';
/** The API's identifier: the audience of its access tokens. */
export const API_AUDIENCE = 'urn:territorio:api';
/** The live build's client id (VITE_OIDC_CLIENT_ID's default). */
export const DEV_CLIENT_ID = 'territorio';

const DAY_S = 86_400;
const API_SCOPES = Object.values(SCOPES);
const MAX_FORM_BYTES = 4096;

export interface DevProviderOptions {
  /** The provider's issuer: the server's public origin and DEV_PROVIDER_PATH. */
  issuer: string;
  /** Where the live build may be sent back to after sign-in (its origins, each with `/`). */
  redirectUris: readonly string[];
  /** Whether the wall account may acknowledge alerts. */
  wallAcknowledges: boolean;
  /** How long an access token lasts; renewed with the refresh token before it ends. */
  accessTokenSeconds: number;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req as AsyncIterable<Buffer>) {
    text += chunk.toString('utf8');
    if (text.length > MAX_FORM_BYTES) throw new Error('form too large');
  }
  return new URLSearchParams(text);
}

/**
 * A development OpenID Connect provider (oidc-provider, an OpenID-certified implementation) with
 * one account per role: Authorization Code with PKCE for the live build, JWT access tokens for
 * the API with the scopes of the account's role, refresh tokens so that a wall renews by itself
 * for 30 days. Its sign-in page is served at DEV_PROVIDER_PATH/interaction/….
 */
export async function createDevProvider(options: DevProviderOptions) {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomBytes(8).toString('hex');
  const signingKey = { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' };
  const verifyingKey = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };

  const configuration: Configuration = {
    clients: [
      {
        client_id: DEV_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: [...options.redirectUris],
        post_logout_redirect_uris: [...options.redirectUris],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'profile', 'offline_access'],
    responseTypes: ['code'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'territorio_role'] },
    // The name goes into the ID token, where the live build reads it.
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => {
      const account = DEV_ACCOUNTS[id];
      return account
        ? {
            accountId: id,
            claims: () => ({
              sub: id,
              name: account.name,
              preferred_username: id,
              territorio_role: account.role,
            }),
          }
        : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = signOutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: API_SCOPES.join(' '),
          audience: API_AUDIENCE,
          accessTokenTTL: options.accessTokenSeconds,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'ES256' } },
        }),
      },
    },
    // The API records who acted under the name in the access token.
    extraTokenClaims: (_ctx, token) => {
      const account = 'accountId' in token ? DEV_ACCOUNTS[token.accountId] : undefined;
      return account ? { name: account.name } : undefined;
    },
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // The token endpoint answers scripts only from the live build's own origins.
    clientBasedCORS: (_ctx, origin) => options.redirectUris.some((uri) => new URL(uri).origin === origin),
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = providerErrorPage(out.error, out.error_description);
    },
    interactions: { url: (_ctx, interaction) => `${DEV_PROVIDER_PATH}/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: options.accessTokenSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Grant: 30 * DAY_S,
      Session: 30 * DAY_S,
      RefreshToken: 30 * DAY_S,
    },
  };
  const provider = new Provider(options.issuer, configuration);
  const callback = provider.callback();

  /** Completes a sign-in: the account, and a grant of exactly its role's scopes. */
  async function signIn(req: IncomingMessage, res: ServerResponse, uid: string) {
    const details = await provider.interactionDetails(req, res);
    const form = await readForm(req);
    const account = checkPassword(form.get('username') ?? '', form.get('password') ?? '');
    // The form again, saying why: a page to fill in, not an HTTP challenge.
    if (!account) return page(res, 200, signInPage(uid, 'The account or the password is not right.'));
    const accountId = form.get('username')!;
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope('openid profile offline_access');
    const granted = accountScopes(account, options.wallAcknowledges);
    grant.addResourceScope(API_AUDIENCE, granted.join(' '));
    const refused = API_SCOPES.filter((scope) => !granted.includes(scope));
    if (refused.length) grant.rejectResourceScope(API_AUDIENCE, refused.join(' '));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } });
  }

  // Its pages have no script or outside resource and one style; their forms post to the provider,
  // which sends the browser on to the app (form-action covers the redirects after a post).
  const pagePolicy = [
    "default-src 'none'",
    `style-src ${PAGE_STYLE_SOURCE}`,
    `form-action 'self' ${[...new Set(options.redirectUris.map((uri) => new URL(uri).origin))].join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');

  /** Answers a request under DEV_PROVIDER_PATH; the rest is the server's. */
  async function handle(req: IncomingMessage, res: ServerResponse) {
    res.setHeader('Content-Security-Policy', pagePolicy);
    const path = new URL(req.url ?? '/', 'http://provider.localhost').pathname;
    const interaction = /^\/oidc\/interaction\/([\w-]+)(\/login)?$/.exec(path);
    if (interaction) {
      const [, uid = '', login] = interaction;
      if (login && req.method === 'POST') return signIn(req, res, uid);
      if (!login && req.method === 'GET') {
        await provider.interactionDetails(req, res);
        return page(res, 200, signInPage(uid));
      }
      res.statusCode = 405;
      res.setHeader('Allow', login ? 'POST' : 'GET');
      return void res.end();
    }
    // Mounted as Express would mount it: the provider finds its path from `originalUrl`.
    Object.assign(req, { originalUrl: req.url });
    req.url = (req.url ?? '/').slice(DEV_PROVIDER_PATH.length) || '/';
    return callback(req, res);
  }

  return {
    provider,
    handle,
    authenticate: bearerAuthenticator({
      issuer: options.issuer,
      audience: API_AUDIENCE,
      keys: createLocalJWKSet({ keys: [verifyingKey] }),
    }),
  };
}

function page(res: ServerResponse, status: number, html: string) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(html);
}
