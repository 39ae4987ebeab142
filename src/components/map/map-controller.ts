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

/** Sensors compared within the call; more are compared in slices of SLICE_MS, a task each. */
const COMPARE_AT_ONCE = 5_000;
const SLICE_MS = 12;
/** Features of a live sensor source sent to the worker at a time. */
const LOAD_CHUNK = 5_000;

/** Lets the browser paint and handle input before going on. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
 * sources, `updateData` by feature id for the sensors whose classes a poll changed, feature-state
 * for the selection. It remembers what it applied, so each call does only the difference.
 */
export class MapController {
  private options: OverlayOptions;
  private sensorDiffs = new Map<string, SensorSourceDiff>();
  /** Sensor sources whose comparison runs in slices. */
  private slicing = new Set<string>();
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

  /**
   * Returns how the update was applied, for the benchmark and tests. A poll that changed many
   * sensors is compared in slices, each a task of its own, and posted in one more: it says
   * 'delta' at once and reaches the map a few tasks later (as a delta, even an empty one).
   */
  setSensors(source: string, data: SensorLayerData): 'full' | 'delta' | 'none' {
    const target = this.source(source);
    if (!target) return 'none';
    let diff = this.sensorDiffs.get(source);
    if (!diff) this.sensorDiffs.set(source, (diff = new SensorSourceDiff()));
    const count = diff.start(data);
    if (count !== null) {
      this.replaceSensors(source, diff, count);
      return 'full';
    }
    if (this.slicing.has(source)) return 'delta';
    if (diff.pending <= COMPARE_AT_ONCE) {
      const update = diff.step(Infinity)!;
      if (update.kind === 'delta') void target.updateData({ update: update.update });
      return update.kind;
    }
    void this.compareInSlices(source, diff);
    return 'delta';
  }

  private async compareInSlices(source: string, diff: SensorSourceDiff) {
    this.slicing.add(source);
    try {
      while (diff.comparing) {
        await nextTask();
        if (this.sensorDiffs.get(source) !== diff) return;
        const update = diff.step(SLICE_MS);
        if (!update) continue;
        // Serialising the diff for the worker is a task's work of its own at this size.
        const { generation } = diff;
        await nextTask();
        // New data replaced the source meanwhile: it holds this update already.
        if (this.sensorDiffs.get(source) !== diff || diff.generation !== generation) continue;
        void this.source(source)?.updateData({ update: update.kind === 'delta' ? update.update : [] });
      }
    } finally {
      this.slicing.delete(source);
    }
  }

  /**
   * New sensor data, in chunks of LOAD_CHUNK features: building and cloning a whole large
   * collection to the worker would hold the page for hundreds of milliseconds. Each later chunk is
   * built and added once the worker has taken the one before, from the latest poll.
   */
  private replaceSensors(source: string, diff: SensorSourceDiff, count: number) {
    const target = this.source(source)!;
    let sent = target.setData({ type: 'FeatureCollection', features: diff.features(0, LOAD_CHUNK) });
    // setData drops feature-state; the selection is put back.
    this.applySelection(this.selected, true);
    if (count <= LOAD_CHUNK) return;
    const { generation } = diff;
    void (async () => {
      for (let at = LOAD_CHUNK; at < count; at += LOAD_CHUNK) {
        await sent;
        await nextTask();
        if (this.sensorDiffs.get(source) !== diff || diff.generation !== generation) return;
        sent = target.updateData({ add: diff.features(at, at + LOAD_CHUNK) });
      }
    })().catch(() => undefined);
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
