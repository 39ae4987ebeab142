import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import type { Target } from '../../lib/selection';
import { INTERACTIVE_LAYERS } from './map-style';

export interface HoverInfo extends Target {
  name: string;
  x: number;
  y: number;
}

interface PointerCallbacks {
  onSelect: (target: Target | null) => void;
  onHover: (info: HoverInfo | null) => void;
}

/**
 * Hover and click on the interactive layers: the feature under the pointer is marked hovered and
 * reported, a click selects it or, off every feature, nothing. The callbacks are read at each
 * event, so the latest ones answer.
 */
export function followPointer(map: MapLibreMap, callbacks: { readonly current: PointerCallbacks }) {
  let hovered: { source: string; id: string | number } | null = null;
  const clearHover = () => {
    if (hovered) map.setFeatureState(hovered, { hover: false });
    hovered = null;
  };
  const interactive = Object.keys(INTERACTIVE_LAYERS);
  const topFeature = (point: { x: number; y: number }): MapGeoJSONFeature | undefined =>
    map.queryRenderedFeatures([point.x, point.y], {
      layers: interactive.filter(
        (id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none',
      ),
    })[0];

  map.on('mousemove', (e) => {
    const feature = topFeature(e.point);
    clearHover();
    if (!feature || feature.id === undefined) {
      map.getCanvas().style.cursor = '';
      callbacks.current.onHover(null);
      return;
    }
    hovered = { source: feature.source, id: feature.id };
    map.setFeatureState(hovered, { hover: true });
    map.getCanvas().style.cursor = 'pointer';
    callbacks.current.onHover({
      kind: INTERACTIVE_LAYERS[feature.layer.id]!,
      id: String(feature.id),
      name: String(feature.properties.name ?? feature.id),
      x: e.point.x,
      y: e.point.y,
    });
  });
  map.on('mouseout', () => {
    clearHover();
    callbacks.current.onHover(null);
  });
  map.on('click', (e) => {
    const feature = topFeature(e.point);
    callbacks.current.onSelect(
      feature && feature.id !== undefined
        ? { kind: INTERACTIVE_LAYERS[feature.layer.id]!, id: String(feature.id) }
        : null,
    );
  });
}
