import { createHashRouter, Navigate, type RouteObject } from 'react-router';
import { UrlStateAdapter } from '../hooks/url-state';
import { ProjectionClient } from './identity/screen-clients';
import { AppShell } from './shell/app-shell';
import { ShellLoading } from './shell/shell-loading';
import type { ViewHandle } from './views';

/** Each view is its own chunk, so the first screen loads only what it shows. */
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
    // Shown only while the first view's code loads.
    hydrateFallbackElement: <ShellLoading />,
    children: [
      { index: true, element: <Navigate to="/overview" replace /> },
      {
        path: 'overview',
        handle: { map: { layers: ['sites', 'air', 'traffic', 'security'] } } satisfies ViewHandle,
        lazy: () => import('../features/overview/overview-view').then((m) => ({ Component: m.OverviewView })),
      },
      {
        path: 'network',
        handle: { map: { layers: ['coverage', 'sites'] } } satisfies ViewHandle,
        lazy: () => import('../features/network/network-view').then((m) => ({ Component: m.NetworkView })),
      },
      {
        path: 'environment',
        handle: { map: { layers: ['air'], pollutant: 'pm10' } } satisfies ViewHandle,
        lazy: () =>
          import('../features/environment/environment-view').then((m) => ({ Component: m.EnvironmentView })),
      },
      {
        path: 'mobility',
        handle: { map: { layers: ['traffic'] } } satisfies ViewHandle,
        lazy: () => import('../features/mobility/mobility-view').then((m) => ({ Component: m.MobilityView })),
      },
      {
        path: 'security',
        handle: { map: { layers: ['sites', 'qkd', 'security'] } } satisfies ViewHandle,
        lazy: () => import('../features/security/security-view').then((m) => ({ Component: m.SecurityView })),
      },
      {
        path: 'health',
        handle: { map: { layers: ['health', 'qkd'] } } satisfies ViewHandle,
        lazy: () => import('../features/health/health-view').then((m) => ({ Component: m.HealthView })),
      },
      {
        path: 'kpis',
        lazy: () => import('../features/kpis/kpis-view').then((m) => ({ Component: m.KpisView })),
      },
      { path: '*', element: <Navigate to="/overview" replace /> },
    ],
  },
];

/** Hash URLs let any static file server host the dashboard and every link reopen its view. */
export const createAppRouter = () => createHashRouter(routes);
