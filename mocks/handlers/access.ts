import { http, HttpResponse } from 'msw';
import { FIELD_LIMITS, PUBLIC_API_PREFIX, SCOPES, type Scope } from '../../src/api/access';
import { apiPath } from './api-path';

/** Who is asking, as the access token says. */
export interface Principal {
  /** The person's or device's display name, as the audit trail records it. */
  name: string;
  scopes: ReadonlySet<string>;
}

/** Who a request comes from, or null when it carries no valid credential. */
export type Authenticate = (request: Request) => Promise<Principal | null>;

/** The bearer token of a request, if it has one. */
export function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '');
  return match?.[1] ?? null;
}

/** A display name as the audit trail keeps it: trimmed and at most the API's name limit. */
export const auditName = (name: string) => name.trim().slice(0, FIELD_LIMITS.name) || 'Unnamed account';

export const unauthorized = () =>
  HttpResponse.json(
    { error: 'sign-in required' },
    { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="territorio"' } },
  );

export const forbidden = (needed: readonly Scope[]) =>
  HttpResponse.json(
    { error: `not permitted: needs ${needed.join(' or ')}` },
    {
      status: 403,
      headers: {
        'WWW-Authenticate': `Bearer realm="territorio", error="insufficient_scope", scope="${needed.join(' ')}"`,
      },
    },
  );

/** The scopes a request needs, any one of which is enough. */
function scopesFor(method: string, pathname: string): readonly Scope[] {
  const path = pathname.replace(/^.*?\/api\/v1/, '');
  if (path === PUBLIC_API_PREFIX || path.startsWith(`${PUBLIC_API_PREFIX}/`)) return [SCOPES.public];
  if (method === 'PATCH') return [SCOPES.triage, SCOPES.acknowledge];
  return [SCOPES.read];
}

/**
 * Runs before every other handler: answers 401 without a valid credential and 403 without a scope
 * the operation needs; otherwise lets the request through to the handler that serves it.
 */
export const accessGuard = (authenticate: Authenticate) =>
  http.all(apiPath('/*'), async ({ request }) => {
    const principal = await authenticate(request);
    if (!principal) return unauthorized();
    const needed = scopesFor(request.method, new URL(request.url).pathname);
    if (!needed.some((scope) => principal.scopes.has(scope))) return forbidden(needed);
    return undefined;
  });
