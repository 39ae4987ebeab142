/** Whether Territorio's path, which sends only what changed, leaves the map as a full rebuild would. */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { sensorFeatures } from '../../src/components/map/features';
import type { SensorFeed } from './feed';

/** Compares the map's copy of each live source with what a full rebuild would hold. */
export async function checkConsistency(map: MapLibreMap, feed: SensorFeed) {
  let checked = 0;
  let mismatches = 0;
  for (const layer of feed.layers) {
    const source = map.getSource<GeoJSONSource>(layer.source)!;
    const data = await source.getData();
    const actual = new Map<string, unknown>();
    if (data.type === 'FeatureCollection')
      for (const f of data.features) actual.set(String(f.properties?.id), f.properties);
    for (const feature of sensorFeatures(feed.layerData(layer)).features) {
      checked++;
      const mine = actual.get(String(feature.properties.id)) as Record<string, unknown> | undefined;
      const differs =
        !mine || Object.entries(feature.properties).some(([key, value]) => !Object.is(mine[key], value));
      if (differs) mismatches++;
    }
  }
  return { checked, mismatches };
}
