import type { Pollutant } from '../api/schemas/forecasts';
import type { MapLayer } from '../components/map/map-style';
import type { MessageKey } from '../i18n/catalogue';

/** What a view's route says about the shell: whether it shows the map, and with which layers. */
export interface ViewHandle {
  map?: { layers: MapLayer[]; pollutant?: Pollutant | 'all' };
}

/** The dashboard's views, in navigation order; each path is a route. */
export const VIEWS = [
  { path: 'overview', label: 'view.overview' },
  { path: 'network', label: 'view.network' },
  { path: 'environment', label: 'view.environment' },
  { path: 'mobility', label: 'view.mobility' },
  { path: 'security', label: 'view.security' },
  { path: 'health', label: 'view.health' },
  { path: 'kpis', label: 'view.kpis' },
] as const satisfies readonly { path: string; label: MessageKey }[];

export type ViewPath = (typeof VIEWS)[number]['path'];
