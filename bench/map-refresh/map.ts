/** The map the page measures: the app's offline style and controller at wall-screen size, loaded with every source. */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { municipalityFeatures, siteFeatures } from '../../src/components/map/features';
import { MapController } from '../../src/components/map/map-controller';
import { SOURCE } from '../../src/components/map/map-sources';
import { CLUSTER_ABOVE, offlineStyle, type OverlayOptions } from '../../src/components/map/map-style';
import type { SensorFeed } from './feed';

setWorkerUrl(workerUrl);

export async function createMap(feed: SensorFeed, sensorCount: number) {
  const clusterSensors = sensorCount > CLUSTER_ABOVE;
  const options: OverlayOptions = {
    theme: 'dark',
    scale: 1, // a 1920-pixel-wide screen
    pollutant: 'all',
    timeMode: 'live',
    coverageMetric: 'rsrp',
    clusterSensors,
  };
  const { territory } = feed;
  const map = new MapLibreMap({
    container: 'map',
    style: offlineStyle(territory, options),
    bounds: territory.bounds,
    attributionControl: false,
    fadeDuration: 0,
  });
  await map.once('load');
  const controller = new MapController(map, options);
  controller.setData(SOURCE.municipalities, municipalityFeatures(territory, null));
  controller.setData(SOURCE.sites, siteFeatures(feed.sim.sites()));
  for (const layer of feed.layers) controller.setSensors(layer.source, feed.layerData(layer));
  await map.once('idle');
  return { map, controller, clusterSensors };
}

/** The GPU (here SwiftShader) the map's canvas draws with; empty when it has no WebGL context. */
export const webglRenderer = (canvas: HTMLCanvasElement) => {
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return '';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
};
