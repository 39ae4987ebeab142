/**
 * How the peers draw a sensor, as Territorio's style does (sensor-layers.ts, live mode, dark theme):
 * the same colour classes, radius by zoom, and ring, scaled for the screen.
 */
import type { Reading, Sensor } from '../../src/api/schemas/sensors';
import { sensorProperties } from '../../src/components/map/features';
import { BASE_COLOURS } from '../../src/components/map/map-style';
import { CONGESTION_CLASSES, EAQI_CLASSES, STALE_COLOUR } from '../../src/components/map/palettes';

/** Every colour a sensor can take, by index: grey (stale, or no class) first, then air bands 1–6, then traffic levels. */
export const SENSOR_COLOURS: readonly string[] = [
  STALE_COLOUR,
  ...EAQI_CLASSES.map((c) => c.colour),
  ...CONGESTION_CLASSES.map((c) => c.colour),
];
const AIR_FIRST = 1;
const TRAFFIC_FIRST = AIR_FIRST + EAQI_CLASSES.length;

/** The same colours as RGBA tuples, for deck.gl. */
export const SENSOR_RGBA: readonly [number, number, number, number][] = SENSOR_COLOURS.map(rgba);

export const RING_COLOUR = BASE_COLOURS.dark.marker;
export const RING_RGBA = rgba(RING_COLOUR);

function rgba(hex: string): [number, number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

/** The index of a sensor's colour, and whether it is stale, from the app's own classes (sensorProperties). */
export function sensorColour(
  sensor: Sensor,
  reading: Reading | undefined,
  now: number,
  freeFlowKmh: number | undefined,
): { colour: number; stale: boolean } {
  const props = sensorProperties(sensor, reading, now, freeFlowKmh);
  const stale = props.stale === true;
  if (stale) return { colour: 0, stale };
  if (props.kind === 'air') {
    const band = EAQI_CLASSES.findIndex((c) => c.value === String(props.band));
    return { colour: band < 0 ? 0 : AIR_FIRST + band, stale };
  }
  const level = CONGESTION_CLASSES.findIndex((c) => c.value === props.level);
  return { colour: level < 0 ? 0 : TRAFFIC_FIRST + level, stale };
}

/** `[zoom, radius]` stops of the app's circle-radius curves, and the ring widths in live mode. */
const MARK = {
  air: {
    radius: [
      [8, 6],
      [12, 9],
      [15, 12],
    ],
    ring: 1,
  },
  traffic: {
    radius: [
      [8, 3.5],
      [12, 6],
      [15, 9],
    ],
    ring: 0.6,
  },
} as const;

/** A zoom curve's value: linear between its stops, held beyond them (MapLibre's `interpolate`). */
function atZoom(stops: readonly (readonly [number, number])[], zoom: number) {
  const after = stops.findIndex(([z]) => z >= zoom);
  if (after === 0) return stops[0]![1];
  if (after < 0) return stops[stops.length - 1]![1];
  const [z0, v0] = stops[after - 1]!;
  const [z1, v1] = stops[after]!;
  return v0 + ((v1 - v0) * (zoom - z0)) / (z1 - z0);
}

/** A mark's radius and ring width in CSS pixels at a MapLibre zoom, for a screen scale. */
export function markSize(kind: Sensor['kind'], zoom: number, scale: number) {
  const { radius, ring } = kind === 'air' ? MARK.air : MARK.traffic;
  return { radius: atZoom(radius, zoom) * scale, ring: ring * scale };
}
