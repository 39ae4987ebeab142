import { lazy, type ComponentType } from 'react';
import { createHashRouter, Navigate, type RouteObject } from 'react-router';
import { UrlStateAdapter } from '../hooks/url-state';
import { ProjectionClient } from './identity/screen-clients';
import { AppShell } from './shell/app-shell';
import type { ViewHandle } from './views';

const viewLoaders = new Map<string, () => Promise<ComponentType>>();

/**
 * A view's route: its component comes from its own chunk, so the first screen loads only what it
 * shows; the shell paints meanwhile and the view suspends inside it (app-shell.tsx).
 */
function viewRoute(path: string, load: () => Promise<ComponentType>, handle?: ViewHandle): RouteObject {
  let loading: Promise<ComponentType> | null = null;
  const loadOnce = () => (loading ??= load());
  viewLoaders.set(path, loadOnce);
  const Component = lazy(() => loadOnce().then((View) => ({ default: View })));
  return { path, handle, Component };
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
      viewRoute('overview', () => import('../features/overview/overview-view').then((m) => m.OverviewView), {
        map: { layers: ['sites', 'air', 'traffic', 'security'] },
      }),
      viewRoute('network', () => import('../features/network/network-view').then((m) => m.NetworkView), {
        map: { layers: ['coverage', 'sites'] },
      }),
      viewRoute(
        'environment',
        () => import('../features/environment/environment-view').then((m) => m.EnvironmentView),
        { map: { layers: ['air'], pollutant: 'pm10' } },
      ),
      viewRoute('mobility', () => import('../features/mobility/mobility-view').then((m) => m.MobilityView), {
        map: { layers: ['traffic'] },
      }),
      viewRoute('security', () => import('../features/security/security-view').then((m) => m.SecurityView), {
        map: { layers: ['sites', 'qkd', 'security'] },
      }),
      viewRoute('health', () => import('../features/health/health-view').then((m) => m.HealthView), {
        map: { layers: ['health', 'qkd'] },
      }),
      viewRoute('kpis', () => import('../features/kpis/kpis-view').then((m) => m.KpisView)),
      { path: '*', element: <Navigate to="/overview" replace /> },
    ],
  },
];

/** Hash URLs let any static file server host the dashboard and every link reopen its view. */
export const createAppRouter = () => createHashRouter(routes);

/**
 * Starts loading the code of the view a `#/path?…` address opens (the Overview by default), so it
 * arrives with the app's own rather than after it.
 */
export function preloadView(hash: string) {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0] || 'overview';
  void viewLoaders.get(path)?.();
}
