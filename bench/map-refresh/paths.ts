/**
 * The two ways a refresh reaches the map: Territorio's (`MapController.setSensors` with the ids the
 * poll changed) and the naive one (`setData` of a freshly built FeatureCollection every refresh).
 * Each gets what useSensorLayer would hand the map, one entry per layer, and says how each source
 * was updated.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { sensorFeatures } from '../../src/components/map/features';
import type { MapController } from '../../src/components/map/map-controller';
import type { SensorLayerData } from '../../src/components/map/sensor-source-diff';
import type { Layer } from './feed';
import type { Applied } from './results';

export type Update = (data: SensorLayerData[]) => Record<string, Applied>;

export const territorioUpdate =
  (controller: MapController, layers: readonly Layer[]): Update =>
  (data) => {
    const applied: Record<string, Applied> = {};
    layers.forEach((layer, i) => (applied[layer.source] = controller.setSensors(layer.source, data[i]!)));
    return applied;
  };

export const naiveUpdate =
  (map: MapLibreMap, layers: readonly Layer[]): Update =>
  (data) => {
    const applied: Record<string, Applied> = {};
    layers.forEach((layer, i) => {
      void map.getSource<GeoJSONSource>(layer.source)!.setData(sensorFeatures(data[i]!));
      applied[layer.source] = 'full';
    });
    return applied;
  };
