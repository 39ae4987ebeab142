/**
 * Leaflet with `L.circleMarker`s on a canvas renderer (`preferCanvas: true`), the stack of
 * sensor.community's map, no tile layer. A refresh restyles the markers whose colour changed with
 * `setStyle`, as Leaflet's docs suggest for paths; the canvas renderer then redraws, in the next
 * animation frame, every marker inside the union of the restyled markers' bounds.
 */
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import type { SensorFeed } from '../map-refresh/feed';
import { sizeContainer } from '../map-refresh/map';
import { ColourChanges, colourMismatches } from './colour-changes';
import { markSize, RING_COLOUR, SENSOR_COLOURS } from './marks';
import { measurePeer } from './measure';
import { nextFrame, type Stack } from './stack';

/** Leaflet's zoom levels count 256-pixel tiles, MapLibre's 512-pixel ones. */
const LEAFLET_ZOOM_OFFSET = 1;

export async function leafletStack(feed: SensorFeed, scale: number): Promise<Stack> {
  const container = document.getElementById('leaflet-map')!;
  sizeContainer(container);
  const map = L.map(container, {
    preferCanvas: true,
    // Any zoom, so that the territory fills the map as MapLibre's `bounds` fit it.
    zoomSnap: 0,
    zoomControl: false,
    attributionControl: false,
  });
  const [west, south, east, north] = feed.territory.bounds;
  map.fitBounds(
    [
      [south, west],
      [north, east],
    ],
    { animate: false },
  );
  const zoom = map.getZoom() - LEAFLET_ZOOM_OFFSET;
  const changes = feed.layers.map((layer) => new ColourChanges(layer));
  const markers = feed.layers.map((layer, i) => {
    changes[i]!.next({ ...feed.layerData(layer), changed: null });
    const { radius, ring } = markSize(layer.sensors[0]?.kind ?? 'air', zoom, scale);
    return layer.sensors.map((s, j) =>
      L.circleMarker([s.location[1], s.location[0]], {
        radius,
        weight: ring,
        color: RING_COLOUR,
        opacity: 1,
        fillColor: SENSOR_COLOURS[changes[i]!.colour[j]!]!,
        fillOpacity: 1,
      }),
    );
  });
  // Traffic first, air above it, as in Territorio's style.
  L.layerGroup([...markers].reverse().flat()).addTo(map);
  await nextFrame();
  await nextFrame();

  return {
    name: 'leaflet',
    container,
    refresh: (label, data) =>
      measurePeer(label, () => {
        let restyled = 0;
        changes.forEach((c, i) => {
          for (const j of c.next(data[i]!)) {
            markers[i]![j]!.setStyle({ fillColor: SENSOR_COLOURS[c.colour[j]!]! });
            restyled++;
          }
        });
        // The renderer asked for its animation frame first, so this one runs after its redraw.
        return { restyled, drawn: restyled > 0 ? nextFrame() : null };
      }),
    mismatches: (current) => colourMismatches(current, (i, j) => markers[i]![j]!.options.fillColor ?? ''),
  };
}
