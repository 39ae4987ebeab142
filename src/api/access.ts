/**
 * Who may read and do what, as OAuth scopes carried by the access token. The API checks them on
 * every request; screens read them to offer only what the person signed in may do.
 */
export const SCOPES = {
  /** Every resource as it is: names, notes, exact places. */
  read: 'territorio:read',
  /** Change an alert: status, assignee, notes. */
  triage: 'territorio:triage',
  /** Acknowledge an alert and nothing else (a wall, where so configured). */
  acknowledge: 'territorio:acknowledge',
  /** The public projection: nothing that names a person, a machine or an exact place. */
  public: 'territorio:public',
} as const;
export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

export const ROLES = ['operator', 'manager', 'wall', 'public'] as const;
export type Role = (typeof ROLES)[number];

/** The scopes each role is granted. A wall is granted `acknowledge` only where so configured. */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  operator: [SCOPES.read, SCOPES.triage, SCOPES.acknowledge, SCOPES.public],
  manager: [SCOPES.read, SCOPES.public],
  wall: [SCOPES.read, SCOPES.public],
  public: [SCOPES.public],
};

/** Where the public projection of the API lives, under the API's base URL. */
export const PUBLIC_API_PREFIX = '/public';

/** Limits the API puts on what a person writes (longer answers 413). */
export const FIELD_LIMITS = { note: 2000, name: 100 } as const;
/** How many entries an alert's audit trail holds; a change beyond them is refused. */
export const AUDIT_TRAIL_LIMIT = 100;
