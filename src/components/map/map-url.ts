import { z } from 'zod/mini';
import { POLLUTANTS, type Pollutant } from '../../api/schemas/forecasts';
import { BANDS } from '../../api/schemas/network';
import { MAP_LAYERS, type CoverageMetric, type MapLayer } from './map-style';
import { targetField } from '../../lib/selection';
import type { Camera } from './map-view';

/** What the map shows, as held in the URL so a link reopens the same picture. */
export const mapSearchSchema = z.object({
  layers: z.catch(z.optional(z.string()), undefined),
  sel: targetField,
  at: z.catch(z.optional(z.string()), undefined),
  /** Minutes from now the map shows: negative observed, positive forecast (see map-time.ts). */
  time: z.catch(z.optional(z.string()), undefined),
  pollutant: z.catch(z.optional(z.enum([...POLLUTANTS, 'all'])), undefined),
  band: z.catch(z.enum(BANDS), 'n78'),
  cov: z.catch(z.enum(['rsrp', 'dl']), 'rsrp'),
});

export function parseLayers(value: string | undefined, fallback: readonly MapLayer[]): MapLayer[] {
  if (value === undefined) return [...fallback];
  return value.split(',').filter((v): v is MapLayer => (MAP_LAYERS as readonly string[]).includes(v));
}

/** Every layer switched off is written "none", so it is not mistaken for the view's default. */
export const formatLayers = (layers: readonly MapLayer[]) =>
  layers.length ? MAP_LAYERS.filter((l) => layers.includes(l)).join(',') : 'none';

/** The `layers` parameter with one more layer on; unset stays unset (the view's defaults). */
export function withLayer(value: string | undefined, layer: MapLayer): string | undefined {
  if (value === undefined) return undefined;
  const layers = parseLayers(value, []);
  return layers.includes(layer) ? value : formatLayers([...layers, layer]);
}

/** "lon,lat,zoom" with 5 decimals (about a metre) and 2 for the zoom. */
export function parseCamera<F extends Camera | null>(value: string | undefined, fallback: F): Camera | F {
  const parts = (value ?? '').split(',').map(Number);
  const [lon, lat, zoom] = parts;
  if (
    parts.length !== 3 ||
    !parts.every(Number.isFinite) ||
    Math.abs(lon!) > 180 ||
    Math.abs(lat!) > 90 ||
    zoom! < 0 ||
    zoom! > 22
  ) {
    return fallback;
  }
  return { centre: [lon!, lat!], zoom: zoom! };
}

export const formatCamera = ({ centre, zoom }: Camera) =>
  `${centre[0].toFixed(5)},${centre[1].toFixed(5)},${zoom.toFixed(2)}`;

export type { CoverageMetric, Pollutant };
