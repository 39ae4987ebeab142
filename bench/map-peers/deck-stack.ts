/**
 * deck.gl's ScatterplotLayer over MapLibre, the engine under kepler.gl, as deck.gl's docs use it:
 * a `MapboxOverlay` control added to a maplibre-gl map. Overlaid, not interleaved: interleaving
 * would draw in MapLibre's own WebGL2 context, as Territorio's sensors do, but @deck.gl/mapbox 9.4
 * reads `map.transform` there, which MapLibre 6 no longer has (deck.gl's docs send MapLibre 6 to
 * @deck.gl/maplibre, not installed here); the overlaid mode, which the docs give for maps whose
 * layers need not mix with the base map's, follows the camera through MapLibre's public API. deck.gl
 * then draws in a canvas of its own above the map, in its own animation frames.
 *
 * Each refresh hands deck.gl a new data array (rows of unchanged sensors kept, changed ones new), as
 * a reactive app holds its state; the colour is read by an accessor, and `updateTriggers` tell
 * deck.gl the colours moved. A new array makes deck.gl rebuild the layer's attributes and upload
 * them to the GPU, on the main thread, with no worker and no structured clone.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { IControl } from 'maplibre-gl';
import type { SensorFeed } from '../map-refresh/feed';
import { createMap } from '../map-refresh/map';
import { ColourChanges, colourMismatches } from './colour-changes';
import { markSize, RING_RGBA, SENSOR_COLOURS, SENSOR_RGBA } from './marks';
import { measurePeer } from './measure';
import type { Stack } from './stack';

interface Row {
  position: [number, number];
  /** An index into SENSOR_RGBA. */
  colour: number;
}

/** deck.gl's next draw: `onAfterRender` settles it. */
function drawWaiter() {
  let settle: (() => void) | null = null;
  return {
    next: () => new Promise<void>((resolve) => (settle = resolve)),
    drawn: () => {
      settle?.();
      settle = null;
    },
  };
}

export async function deckStack(feed: SensorFeed, sensorCount: number): Promise<Stack> {
  const { map, scale } = await createMap(feed, sensorCount, { container: 'deck-map', withSensors: false });
  const changes = feed.layers.map((layer) => new ColourChanges(layer));
  changes.forEach((c, i) => c.next({ ...feed.layerData(feed.layers[i]!), changed: null }));
  let rows = feed.layers.map((layer, i) =>
    layer.sensors.map((s, j): Row => ({ position: [...s.location], colour: changes[i]!.colour[j]! })),
  );
  let version = 0;
  const zoom = map.getZoom();
  const layers = () =>
    // Traffic first, air above it, as in Territorio's style.
    [...feed.layers.keys()].reverse().map((i) => {
      const kind = feed.layers[i]!.sensors[0]?.kind ?? 'air';
      const { radius, ring } = markSize(kind, zoom, scale);
      return new ScatterplotLayer<Row>({
        id: `sensors-${kind}`,
        data: rows[i]!,
        getPosition: (d) => d.position,
        getFillColor: (d) => SENSOR_RGBA[d.colour]!,
        updateTriggers: { getFillColor: version },
        radiusUnits: 'pixels',
        getRadius: radius,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: ring,
        getLineColor: RING_RGBA,
      });
    });
  const draws = drawWaiter();
  const overlay = new MapboxOverlay({ interleaved: false, layers: layers(), onAfterRender: draws.drawn });
  const firstDraw = draws.next();
  map.addControl(overlay as unknown as IControl);
  await firstDraw;

  return {
    name: 'deck',
    container: map.getContainer(),
    refresh: (label, data) =>
      measurePeer(label, () => {
        const moved = changes.map((c, i) => c.next(data[i]!));
        const restyled = moved.reduce((n, m) => n + m.length, 0);
        if (restyled === 0) return { restyled, drawn: null };
        rows = rows.map((previous, i) => {
          if (moved[i]!.length === 0) return previous;
          const next = previous.slice();
          for (const j of moved[i]!)
            next[j] = { position: previous[j]!.position, colour: changes[i]!.colour[j]! };
          return next;
        });
        version++;
        overlay.setProps({ layers: layers() });
        return { restyled, drawn: draws.next() };
      }),
    mismatches: (current) => colourMismatches(current, (i, j) => SENSOR_COLOURS[rows[i]![j]!.colour]!),
  };
}
