import { createHashRouter, Navigate } from 'react-router';
import { AppShell } from './shell/app-shell';
import { OverviewView } from '../features/overview/overview-view';
import { NetworkView } from '../features/network/network-view';
import { EnvironmentView } from '../features/environment/environment-view';
import { MobilityView } from '../features/mobility/mobility-view';
import { SecurityView } from '../features/security/security-view';
import { KpisView } from '../features/kpis/kpis-view';

/** Routes of the dashboard. Hash URLs let any static file server host it and every link reopen its view. */
export const routes = [
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/overview" replace /> },
      { path: 'overview', element: <OverviewView /> },
      { path: 'network', element: <NetworkView /> },
      { path: 'environment', element: <EnvironmentView /> },
      { path: 'mobility', element: <MobilityView /> },
      { path: 'security', element: <SecurityView /> },
      { path: 'kpis', element: <KpisView /> },
      { path: '*', element: <Navigate to="/overview" replace /> },
    ],
  },
];

export const createAppRouter = () => createHashRouter(routes);
