/** The map the page measures: the app's offline style and controller at wall-screen size, loaded with every source. */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { municipalityFeatures, siteFeatures } from '../../src/components/map/features';
import { MapController } from '../../src/components/map/map-controller';
import { SOURCE } from '../../src/components/map/map-sources';
import { CLUSTER_ABOVE, offlineStyle, type OverlayOptions } from '../../src/components/map/map-style';
import { textParam } from '../harness';
import type { SensorFeed } from './feed';

setWorkerUrl(workerUrl);

/** `?map=3840x2160`: the map's size in CSS pixels (a wall screen); without it, the stylesheet's 1600×900. */
const MAP_SIZE = /^(\d+)x(\d+)$/.exec(textParam('map') ?? '');

/** Gives a map's container the size the query asks for. */
export function sizeContainer(container: HTMLElement) {
  if (!MAP_SIZE) return;
  container.style.width = `${MAP_SIZE[1]}px`;
  container.style.height = `${MAP_SIZE[2]}px`;
}

/**
 * The size of marks and labels the app picks for this window (useScreenScale, outside wall mode):
 * the window against 1920×1080 by its tighter side, in quarter steps from 1 to 2.5; 2 at 4K.
 */
export function screenScale() {
  const ratio = Math.min(window.innerWidth / 1920, window.innerHeight / 1080);
  return Math.min(2.5, Math.max(1, Math.round(ratio * 4) / 4));
}

export function overlayOptions(sensorCount: number): OverlayOptions {
  return {
    theme: 'dark',
    scale: screenScale(),
    pollutant: 'all',
    timeMode: 'live',
    coverageMetric: 'rsrp',
    clusterSensors: sensorCount > CLUSTER_ABOVE,
  };
}

/** `container`: the element's id; `withSensors: false` leaves the sensor sources empty (a peer draws them). */
export async function createMap(
  feed: SensorFeed,
  sensorCount: number,
  { container = 'map', withSensors = true } = {},
) {
  const options = overlayOptions(sensorCount);
  const { territory } = feed;
  sizeContainer(document.getElementById(container)!);
  const map = new MapLibreMap({
    container,
    style: offlineStyle(territory, options),
    bounds: territory.bounds,
    attributionControl: false,
    fadeDuration: 0,
  });
  await map.once('load');
  const controller = new MapController(map, options);
  controller.setData(SOURCE.municipalities, municipalityFeatures(territory, null));
  controller.setData(SOURCE.sites, siteFeatures(feed.sim.sites()));
  if (withSensors)
    for (const layer of feed.layers) controller.setSensors(layer.source, feed.layerData(layer));
  await map.once('idle');
  return { map, controller, clusterSensors: options.clusterSensors, scale: options.scale };
}

/** The GPU (here SwiftShader) the map's canvas draws with; empty when it has no WebGL context. */
export const webglRenderer = (canvas: HTMLCanvasElement) => {
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return '';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
};
