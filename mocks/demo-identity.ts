import { ROLE_SCOPES, ROLES, SCOPES, type Role } from '../src/api/access';
import { bearerToken, type Authenticate } from './handlers/access';

/**
 * The offline demo's identity: no provider, a role chosen on screen, and a token that only the
 * simulated territory in the page accepts. The live build and `serve:sim` know none of it.
 */
export const DEMO_NAMES: Record<Role, string> = {
  operator: 'Demo operator',
  manager: 'Demo manager',
  wall: 'Demo wall',
  public: 'Demo visitor',
};

const PREFIX = 'demo.';
export const demoToken = (role: Role) => `${PREFIX}${role}`;

/** The demo's wall is configured to acknowledge alerts, as a control room may choose. */
export const demoScopes = (role: Role): readonly string[] =>
  role === 'wall' ? [...ROLE_SCOPES.wall, SCOPES.acknowledge] : ROLE_SCOPES[role];

export const demoAuthenticate: Authenticate = async (request) => {
  const token = bearerToken(request);
  const role = token?.startsWith(PREFIX) ? token.slice(PREFIX.length) : null;
  if (!(ROLES as readonly (string | null)[]).includes(role)) return null;
  return { name: DEMO_NAMES[role as Role], scopes: new Set(demoScopes(role as Role)) };
};
