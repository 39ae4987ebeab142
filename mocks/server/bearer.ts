import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { bearerToken, type Authenticate } from '../handlers/access';

export interface BearerOptions {
  /** The provider's issuer, exactly as its tokens name it. */
  issuer: string;
  /** The API's identifier: tokens for anything else are refused. */
  audience: string;
  /** The provider's signing keys. */
  keys: JWTVerifyGetKey;
}

/**
 * Who a request comes from, by its bearer token: a JWT access token signed by the provider, for
 * this API (its audience, which an ID token never has), not expired (a minute of clock skew
 * allowed). Anything else is no one.
 */
export function bearerAuthenticator({ issuer, audience, keys }: BearerOptions): Authenticate {
  return async (request) => {
    const token = bearerToken(request);
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer,
        audience,
        clockTolerance: 60,
        algorithms: ['ES256', 'RS256', 'PS256', 'EdDSA'],
      });
      const claim = (name: string) =>
        typeof payload[name] === 'string' ? (payload[name] as string) : undefined;
      return {
        name: claim('name') ?? claim('preferred_username') ?? payload.sub ?? 'Unnamed account',
        scopes: new Set(claim('scope')?.split(' ') ?? []),
      };
    } catch {
      return null;
    }
  };
}

/** The signing keys of an outside provider, found through its discovery document. */
export async function providerKeys(issuer: string): Promise<JWTVerifyGetKey> {
  const discovery = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!discovery.ok) throw new Error(`${issuer}: no OpenID configuration (${discovery.status})`);
  const { jwks_uri: jwksUri } = (await discovery.json()) as { jwks_uri?: string };
  if (!jwksUri) throw new Error(`${issuer}: the OpenID configuration names no jwks_uri`);
  return createRemoteJWKSet(new URL(jwksUri));
}
