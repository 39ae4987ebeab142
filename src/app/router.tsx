import { lazy, type ComponentType } from 'react';
import { Navigate, useRoutes, type RouteObject } from 'react-router';
import { UrlStateAdapter } from '../hooks/url-state';
import { withAllMessages } from '../i18n/i18n';
import { ProjectionClient } from './identity/screen-clients';
import { AppShell } from './shell/app-shell';
import type { ViewPath } from './views';

/** The view a screen opens by default. */
const FIRST_VIEW: ViewPath = 'overview';
const viewLoaders = new Map<string, () => Promise<ComponentType>>();

/**
 * A view's route: its component comes from its own chunk, so the first screen loads only what it
 * shows; the shell paints meanwhile and the view suspends inside it (app-shell.tsx).
 */
function viewRoute(path: ViewPath, load: () => Promise<ComponentType>): RouteObject {
  let loading: Promise<ComponentType> | null = null;
  // The first view speaks from the built-in English (en-first.ts); the others need all of it.
  const loadOnce = () => (loading ??= path === FIRST_VIEW ? load() : withAllMessages(load()));
  viewLoaders.set(path, loadOnce);
  const View = lazy(() => loadOnce().then((Component) => ({ default: Component })));
  return { path, element: <View /> };
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: (
      <UrlStateAdapter>
        <ProjectionClient>
          <AppShell />
        </ProjectionClient>
      </UrlStateAdapter>
    ),
    children: [
      { index: true, element: <Navigate to="/overview" replace /> },
      viewRoute('overview', () => import('../features/overview/overview-view').then((m) => m.OverviewView)),
      viewRoute('network', () => import('../features/network/network-view').then((m) => m.NetworkView)),
      viewRoute('environment', () =>
        import('../features/environment/environment-view').then((m) => m.EnvironmentView),
      ),
      viewRoute('mobility', () => import('../features/mobility/mobility-view').then((m) => m.MobilityView)),
      viewRoute('security', () => import('../features/security/security-view').then((m) => m.SecurityView)),
      viewRoute('health', () => import('../features/health/health-view').then((m) => m.HealthView)),
      viewRoute('kpis', () => import('../features/kpis/kpis-view').then((m) => m.KpisView)),
      { path: '*', element: <Navigate to="/overview" replace /> },
    ],
  },
];

/** The shell and the view the address names (inside a HashRouter, or a MemoryRouter in tests). */
export const AppRoutes = () => useRoutes(routes);

/**
 * Starts loading the code of the view a `#/path?…` address opens (the Overview by default), so it
 * arrives with the app's own rather than after it.
 */
export function preloadView(hash: string) {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0] || FIRST_VIEW;
  void viewLoaders.get(path)?.();
}
