import { createContext, useContext, useEffect, useLayoutEffect, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { apiSession, type Projection } from '../../api/session';
import { useIdentity, useProjection } from '../../hooks/use-identity';
import { forgetLastKnownState, useLastKnownState } from './last-known-state';

/** One cache per projection, so that nothing read in full ever shows on a public screen. */
export type ScreenClients = Record<Projection, QueryClient>;

const ScreenClientsContext = createContext<ScreenClients | null>(null);

export const ScreenClientsProvider = ({
  clients,
  children,
}: {
  clients: ScreenClients;
  children: ReactNode;
}) => <ScreenClientsContext.Provider value={clients}>{children}</ScreenClientsContext.Provider>;

export function useScreenClients(): ScreenClients {
  const clients = useContext(ScreenClientsContext);
  if (!clients) throw new Error('useScreenClients needs a ScreenClientsProvider');
  return clients;
}

/** Forgets everything read as someone else, and reads again as whoever is signed in now. */
export const resetScreenClients = (clients: ScreenClients) =>
  Promise.all(Object.values(clients).map((client) => client.resetQueries()));

/**
 * Serves the screen's queries from the cache of its projection and points the API client at it.
 * On a public screen the full cache is emptied, and its last-known state forgotten, so the page and
 * the browser hold nothing the public may not see.
 */
export function ProjectionClient({ children }: { children: ReactNode }) {
  const clients = useScreenClients();
  const projection = useProjection();
  const { id } = useIdentity();
  useLastKnownState(clients[projection], `${id}:${projection}`, import.meta.env.VITE_BUILD_ID);
  // Layout effects run before the children's queries subscribe and fetch.
  useLayoutEffect(() => {
    apiSession.projection = projection;
  }, [projection]);
  useEffect(() => {
    if (projection !== 'public') return;
    clients.full.clear();
    void forgetLastKnownState(`${id}:full`);
  }, [projection, clients, id]);
  return <QueryClientProvider client={clients[projection]}>{children}</QueryClientProvider>;
}
