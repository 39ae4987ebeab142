import type { Pollutant } from '../api/schemas/forecasts';
import type { MapLayer } from '../components/map/map-style';
import type { MessageKey } from '../i18n/catalogue';

/** What a view says about the shell: whether it shows the map, and with which layers. */
export interface ViewMap {
  layers: MapLayer[];
  pollutant?: Pollutant | 'all';
}

/** The dashboard's views, in navigation order; each path is a route. */
export const VIEWS = [
  { path: 'overview', label: 'view.overview', map: { layers: ['sites', 'air', 'traffic', 'security'] } },
  { path: 'network', label: 'view.network', map: { layers: ['coverage', 'sites'] } },
  { path: 'environment', label: 'view.environment', map: { layers: ['air'], pollutant: 'pm10' } },
  { path: 'mobility', label: 'view.mobility', map: { layers: ['traffic'] } },
  { path: 'security', label: 'view.security', map: { layers: ['sites', 'qkd', 'security'] } },
  { path: 'health', label: 'view.health', map: { layers: ['health', 'qkd'] } },
  { path: 'kpis', label: 'view.kpis' },
] as const satisfies readonly { path: string; label: MessageKey; map?: ViewMap }[];

/** The map a view at `pathname` (e.g. "/network") shows, if any. */
export function viewMap(pathname: string): ViewMap | undefined {
  const view: { path: string; map?: ViewMap } | undefined = VIEWS.find(
    (v) => v.path === pathname.split('/')[1],
  );
  return view?.map;
}

export type ViewPath = (typeof VIEWS)[number]['path'];
