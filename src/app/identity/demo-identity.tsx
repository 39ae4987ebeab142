import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ROLES, type Role } from '../../api/access';
import { apiSession } from '../../api/session';
import { IdentityContext, type Identity } from '../../hooks/use-identity';
import { DEMO_NAMES, demoScopes, demoToken } from '../../../mocks/demo-identity';
import { resetScreenClients, useScreenClients } from './screen-clients';

const STORAGE_KEY = 'territorio-demo-role';

const storedRole = (): Role => {
  const role = localStorage.getItem(STORAGE_KEY);
  return (ROLES as readonly (string | null)[]).includes(role) ? (role as Role) : 'operator';
};

/**
 * The offline demo's identity: no provider, an operator unless a presenter switches the role
 * (remembered on this screen), and a token only the demo's simulated territory accepts.
 */
export function DemoIdentity({ initialRole, children }: { initialRole?: Role; children: ReactNode }) {
  const clients = useScreenClients();
  const [role, setRole] = useState<Role>(() => {
    const first = initialRole ?? storedRole();
    apiSession.accessToken = () => demoToken(first);
    return first;
  });
  const identity = useMemo<Identity>(
    () => ({
      id: `demo-${role}`,
      name: DEMO_NAMES[role],
      role,
      scopes: new Set(demoScopes(role)),
      demo: true,
      switchRole: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        apiSession.accessToken = () => demoToken(next);
        setRole(next);
      },
    }),
    [role],
  );
  // Once the screen has rendered as the new role (and chosen its projection), it reads again.
  const shownRole = useRef(role);
  useEffect(() => {
    if (shownRole.current === role) return;
    shownRole.current = role;
    void resetScreenClients(clients);
  }, [role, clients]);
  return <IdentityContext.Provider value={identity}>{children}</IdentityContext.Provider>;
}
