import { createContext, useContext } from 'react';
import type { Role, Scope } from '../api/access';
import { SCOPES } from '../api/access';
import type { Projection } from '../api/session';
import { useScreenMode } from './use-screen-mode';

/** The person or device signed in, as the screen needs to know them. */
export interface Identity {
  /** Who, stably (the provider's subject; the demo's role): whose last-known state the screen keeps. */
  id: string;
  /** Shown as "Signed in as …" and recorded in the audit trail by the API. */
  name: string;
  /** The role it was signed in with, when known. */
  role: Role | null;
  scopes: ReadonlySet<string>;
  /** The offline demo's identity: labelled as such, its role switchable. */
  demo: boolean;
  /** Switches the demo's role (the demo only). */
  switchRole?: (role: Role) => void;
  /** Ends the session (a real sign-in only). */
  signOut?: () => void;
}

/** No one: nothing may be read or done. */
const NOBODY: Identity = { id: '', name: '', role: null, scopes: new Set(), demo: false };

export const IdentityContext = createContext<Identity>(NOBODY);

export const useIdentity = () => useContext(IdentityContext);

/** Whether the identity holds `scope`. */
export const useCan = (scope: Scope) => useIdentity().scopes.has(scope);

/** Screen modes that show the public projection to whoever is signed in. */
const PUBLIC_MODES: readonly (string | null)[] = ['public', 'presentation'];

/**
 * Which projection the screen reads: the public one on a public or presentation screen, and for
 * an identity that may read nothing else.
 */
export function useProjection(): Projection {
  const mode = useScreenMode();
  const mayReadAll = useCan(SCOPES.read);
  return PUBLIC_MODES.includes(mode) || !mayReadAll ? 'public' : 'full';
}
