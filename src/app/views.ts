import type { Pollutant } from '../api/schemas/forecasts';
import type { MapLayer } from '../components/map/map-style';

/** What a view's route says about the shell: whether it shows the map, and with which layers. */
export interface ViewHandle {
  map?: { layers: MapLayer[]; pollutant?: Pollutant | 'all' };
}

/** The dashboard's views, in navigation order; each path is a route. */
export const VIEWS = [
  { path: 'overview', label: 'Overview' },
  { path: 'network', label: 'Network' },
  { path: 'environment', label: 'Environment' },
  { path: 'mobility', label: 'Mobility' },
  { path: 'security', label: 'Security' },
  { path: 'kpis', label: 'KPIs' },
] as const;
