import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { scaleLayers, SIZE_PROPERTIES } from './layer-scale';
import { overlaySources, SOURCE } from './map-sources';
import {
  allLayers,
  MAP_LAYERS,
  overlayLayers,
  STYLE_LAYERS,
  type MapLayer,
  type OverlayOptions,
} from './map-style';
import type { Target, TargetKind } from '../../lib/selection';
import { SensorSourceDiff, type SensorLayerData } from './sensor-source-diff';

const TARGET_SOURCES: Record<TargetKind, string[]> = {
  site: [SOURCE.sites],
  sensor: [SOURCE.air, SOURCE.traffic],
  municipality: [SOURCE.municipalities],
  corridor: [SOURCE.corridors],
  'qkd-link': [SOURCE.qkdLinks],
  'alert-place': [SOURCE.alertPlaces],
  facility: [SOURCE.healthFacilities],
  // A device is shown by its path, drawn only while it is selected.
  device: [],
};

/**
 * Changes a loaded map in place: paint for options, visibility for layers, `setData` for static
 * sources, `updateData` by feature id for the few sensors a poll changed, feature-state for the
 * selection. It remembers what it applied, so each call does only the difference.
 */
export class MapController {
  private options: OverlayOptions;
  private sensorDiffs = new Map<string, SensorSourceDiff>();
  private selected: Target | null = null;

  constructor(
    readonly map: MapLibreMap,
    options: OverlayOptions,
  ) {
    this.options = options;
  }

  setOptions(options: OverlayOptions) {
    if (options.clusterSensors !== this.options.clusterSensors) this.rebuildSensorSources(options);
    this.options = options;
    for (const layer of allLayers(options)) {
      if (!this.map.getLayer(layer.id)) continue;
      const { paint, layout } = layer as {
        paint?: Record<string, unknown>;
        layout?: Record<string, unknown>;
      };
      for (const [key, value] of Object.entries(paint ?? {}))
        this.map.setPaintProperty(layer.id, key as never, value as never);
      for (const key of SIZE_PROPERTIES) {
        if (layout?.[key] !== undefined)
          this.map.setLayoutProperty(layer.id, key as never, layout[key] as never);
      }
    }
  }

  setVisible(visible: readonly MapLayer[]) {
    for (const layer of MAP_LAYERS) {
      const visibility = visible.includes(layer) ? 'visible' : 'none';
      for (const id of STYLE_LAYERS[layer])
        if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', visibility);
    }
  }

  setData(source: string, data: FeatureCollection) {
    void this.source(source)?.setData(data);
  }

  /** Returns how the update was applied, for the benchmark and tests. */
  setSensors(source: string, data: SensorLayerData): 'full' | 'delta' | 'none' {
    const target = this.source(source);
    if (!target) return 'none';
    let diff = this.sensorDiffs.get(source);
    if (!diff) this.sensorDiffs.set(source, (diff = new SensorSourceDiff()));
    const next = diff.next(data);
    if (next.kind === 'delta') void target.updateData({ update: next.update });
    if (next.kind === 'full') {
      void target.setData(next.data);
      // setData drops feature-state; the selection is put back.
      this.applySelection(this.selected, true);
    }
    return next.kind;
  }

  select(target: Target | null) {
    this.applySelection(this.selected, false);
    this.selected = target;
    this.applySelection(target, true);
  }

  private applySelection(target: Target | null, selected: boolean) {
    if (!target) return;
    for (const source of TARGET_SOURCES[target.kind]) {
      if (this.map.getSource(source)) this.map.setFeatureState({ source, id: target.id }, { selected });
    }
  }

  private source(id: string) {
    return this.map.getSource(id) as GeoJSONSource | undefined;
  }

  /** Clustering is a source option: switching it means new sensor sources and their layers. */
  private rebuildSensorSources(options: OverlayOptions) {
    const sensorLayers = scaleLayers(overlayLayers(options), options.scale).filter(
      (l) => 'source' in l && (l.source === SOURCE.air || l.source === SOURCE.traffic),
    );
    const before = this.map.getLayer('sites-mmwave') ? 'sites-mmwave' : undefined;
    for (const layer of sensorLayers) if (this.map.getLayer(layer.id)) this.map.removeLayer(layer.id);
    const sources = overlaySources(options.clusterSensors);
    for (const id of [SOURCE.air, SOURCE.traffic]) {
      if (this.map.getSource(id)) this.map.removeSource(id);
      this.map.addSource(id, sources[id]!);
      this.sensorDiffs.delete(id);
    }
    for (const layer of sensorLayers) this.map.addLayer(layer, before);
  }
}
