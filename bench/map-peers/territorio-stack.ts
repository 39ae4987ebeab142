/** Territorio's own map, refreshed as in the map refresh page (MapController.setSensors, bench/map-refresh/paths.ts). */
import { createMap } from '../map-refresh/map';
import type { SensorFeed } from '../map-refresh/feed';
import { measure } from '../map-refresh/measure';
import { territorioUpdate } from '../map-refresh/paths';
import type { Stack } from './stack';

export async function territorioStack(feed: SensorFeed, sensorCount: number) {
  const { map, controller, clusterSensors, scale } = await createMap(feed, sensorCount, {
    container: 'territorio-map',
  });
  const update = territorioUpdate(controller, feed.layers);
  const stack: Stack = {
    name: 'territorio',
    container: map.getContainer(),
    refresh: async (label, data) => {
      const { syncMs, drawnMs, longTasksMs } = await measure(map, label, () => update(data));
      // The features in its diff are MapLibre's business: not counted here.
      return { restyled: -1, syncMs, drawnMs, longTasksMs };
    },
  };
  return { stack, map, clusterSensors, scale };
}
