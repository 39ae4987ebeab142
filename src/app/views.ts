/** The dashboard's views, in navigation order; each path is a route. */
export const VIEWS = [
  { path: 'overview', label: 'Overview' },
  { path: 'network', label: 'Network' },
  { path: 'environment', label: 'Environment' },
  { path: 'mobility', label: 'Mobility' },
  { path: 'security', label: 'Security' },
  { path: 'kpis', label: 'KPIs' },
] as const;
