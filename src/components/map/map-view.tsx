import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import type { Territory } from '../../api/schemas/territory';
import { useT } from '../../i18n/use-t';
import type { Target } from '../../lib/selection';
import { MapController } from './map-controller';
import { followPointer, type HoverInfo } from './map-pointer';
import { basemapSources, overlaySources, SOURCE } from './map-sources';
import { allLayers, offlineStyle, type MapLayer, type OverlayOptions } from './map-style';
import type { SensorLayerData } from './sensor-source-diff';

setWorkerUrl(workerUrl);

/** How long a lost WebGL context may take to come back before the map is made anew. */
export const CONTEXT_RESTORE_WAIT_MS = 2_000;

export type { SensorLayerData };
export interface Camera {
  centre: [number, number];
  zoom: number;
}
/** [west, south, east, north] */
export type Bounds = [number, number, number, number];
type LonLat = readonly [number, number];
export interface MapHandle {
  /** Flies to what the user picked; the camera it ends at is the user's. */
  flyTo: (centre: LonLat, zoom?: number) => void;
  /** Flies to a position unless it is in view or a flight is under way (a pick's, which shows it). */
  bringIntoView: (position: LonLat) => void;
}

/** Marks a movement the user made or asked for, as against one to a camera set from outside. */
const OWN_MOVE = { ownCamera: true };

interface MapViewProps {
  territory: Territory;
  styleUrl?: string;
  options: OverlayOptions;
  visible: readonly MapLayer[];
  /** Where to open; the whole territory when null. */
  camera: Camera | null;
  /** Without a camera, frame the whole territory again whenever the map's size changes. */
  frameTerritory?: boolean;
  sites: FeatureCollection | null;
  coverage: FeatureCollection | null;
  municipalities: FeatureCollection | null;
  air: SensorLayerData | null;
  traffic: SensorLayerData | null;
  alertPlaces: FeatureCollection | null;
  qkd: { links: FeatureCollection; nodes: FeatureCollection } | null;
  /** Health facilities, and the selected device's data path (empty without one). */
  health: { facilities: FeatureCollection; path: FeatureCollection } | null;
  selected: Target | null;
  onSelect: (target: Target | null) => void;
  onHover: (info: HoverInfo | null) => void;
  /**
   * The camera and bounds once loaded and whenever the map comes to rest; `own` when the user moved
   * it or flew it to what they picked, not for the first camera, a resize or a camera from outside.
   */
  onMoveEnd: (camera: Camera, bounds: Bounds, own: boolean) => void;
  ref?: Ref<MapHandle>;
}

/**
 * The one MapLibre map of the page: created once, changed in place through a MapController,
 * removed on unmount. Hover, click and camera moves come back through the callbacks.
 */
export function MapView({
  territory,
  styleUrl,
  options,
  camera,
  frameTerritory = false,
  visible,
  sites,
  coverage,
  municipalities,
  air,
  traffic,
  alertPlaces,
  qkd,
  health,
  selected,
  onSelect,
  onHover,
  onMoveEnd,
  ref,
}: MapViewProps) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<MapController | null>(null);
  // A new map is made when its WebGL context was lost and not given back in time.
  const [generation, setGeneration] = useState(0);
  const [contextLost, setContextLost] = useState(false);
  // What the map's creation and event handlers read: the latest values, without re-creating it.
  const latest = useRef({
    territory,
    styleUrl,
    options,
    camera,
    frameTerritory,
    onSelect,
    onHover,
    onMoveEnd,
  });
  useLayoutEffect(() => {
    latest.current = { territory, styleUrl, options, camera, frameTerritory, onSelect, onHover, onMoveEnd };
  });

  useImperativeHandle(
    ref,
    () => ({
      flyTo: (centre, zoom) =>
        controller?.map.flyTo(
          { center: [centre[0], centre[1]], zoom: zoom ?? Math.max(12.5, controller.map.getZoom()) },
          OWN_MOVE,
        ),
      bringIntoView: (position) => {
        const map = controller?.map;
        if (!map || map.isMoving() || map.getBounds().contains([position[0], position[1]])) return;
        map.flyTo({ center: [position[0], position[1]], zoom: Math.max(12.5, map.getZoom()) }, OWN_MOVE);
      },
    }),
    [controller],
  );

  // A camera set from outside (a link, a scene) is flown to once the map has loaded, also when it
  // was set while the map was loading; one the user moved to is where the map is already.
  const [cameraLng, cameraLat, cameraZoom] = camera ? [...camera.centre, camera.zoom] : [];
  useEffect(() => {
    const map = controller?.map;
    if (!map || cameraLng === undefined || cameraLat === undefined || cameraZoom === undefined) return;
    const at = map.getCenter();
    // Within the URL's precision (see formatCamera), the map is there already.
    const there =
      Math.abs(at.lng - cameraLng) < 1e-5 &&
      Math.abs(at.lat - cameraLat) < 1e-5 &&
      Math.abs(map.getZoom() - cameraZoom) < 0.01;
    if (!there) map.flyTo({ center: [cameraLng, cameraLat], zoom: cameraZoom });
  }, [controller, cameraLng, cameraLat, cameraZoom]);

  useEffect(() => {
    const { territory, styleUrl, options, camera } = latest.current;
    const map = new MapLibreMap({
      container: container.current!,
      style: styleUrl || offlineStyle(territory, options),
      ...(camera ? { center: camera.centre, zoom: camera.zoom } : { bounds: territory.bounds }),
      maxBounds: [
        [territory.bounds[0] - 0.6, territory.bounds[1] - 0.4],
        [territory.bounds[2] + 0.6, territory.bounds[3] + 0.4],
      ],
      attributionControl: false,
      // Labels placed at once rather than faded in: a fade redraws the map for 300 ms after every
      // change, which halves the frames drawn while the first data arrives.
      fadeDuration: 0,
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');

    map.on('load', () => {
      if (styleUrl) {
        // A vector-tile basemap underneath: the territory and its overlays go on top of it.
        const sources = { ...basemapSources(territory), ...overlaySources(options.clusterSensors) };
        for (const [id, source] of Object.entries(sources)) map.addSource(id, source);
        for (const layer of allLayers(options, false)) if (layer.id !== 'background') map.addLayer(layer);
      }
      setController(new MapController(map, options));
      reportCamera(false);
    });

    function reportCamera(moved: boolean) {
      const centre = map.getCenter();
      const b = map.getBounds();
      latest.current.onMoveEnd(
        { centre: [centre.lng, centre.lat], zoom: map.getZoom() },
        [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
        moved,
      );
    }

    followPointer(map, latest);
    // Clicking a cluster zooms into it.
    for (const layer of ['air-clusters', 'traffic-clusters']) {
      map.on('click', layer, async (e) => {
        const feature = e.features?.[0];
        const source = feature && (map.getSource(feature.source) as GeoJSONSource | undefined);
        if (!feature || !source || feature.geometry.type !== 'Point') return;
        const zoom = await source.getClusterExpansionZoom(Number(feature.properties.cluster_id));
        map.easeTo({ center: feature.geometry.coordinates as [number, number], zoom }, OWN_MOVE);
      });
    }
    // A movement cut short by another reports nothing: the camera is still on its way.
    map.on('moveend', (event: { originalEvent?: Event; ownCamera?: boolean }) => {
      const own = !!event.originalEvent || event.ownCamera === true;
      queueMicrotask(() => {
        if (!map.isMoving()) reportCamera(own);
      });
    });

    // A GPU reset, a driver update or too many contexts in the browser take the map's graphics away.
    let remake: ReturnType<typeof setTimeout> | undefined;
    map.on('webglcontextlost', () => {
      setContextLost(true);
      remake = setTimeout(() => setGeneration((g) => g + 1), CONTEXT_RESTORE_WAIT_MS);
    });
    map.on('webglcontextrestored', () => {
      clearTimeout(remake);
      setContextLost(false);
    });

    const resize = new ResizeObserver(() => {
      map.resize();
      const { frameTerritory, camera, territory } = latest.current;
      if (frameTerritory && !camera) {
        // Nobody pans a framed map, and a wall far wider than high needs more room around the
        // territory than the desk's pan limits give to show all of it.
        map.setMaxBounds(null);
        map.fitBounds(territory.bounds, { animate: false });
      }
    });
    resize.observe(container.current!);
    return () => {
      clearTimeout(remake);
      resize.disconnect();
      setController(null);
      setContextLost(false);
      map.remove();
    };
  }, [generation]);

  const { theme, scale, pollutant, coverageMetric, clusterSensors, timeMode } = options;
  useEffect(() => {
    controller?.setOptions({ theme, scale, pollutant, coverageMetric, clusterSensors, timeMode });
  }, [controller, theme, scale, pollutant, coverageMetric, clusterSensors, timeMode]);

  const visibleKey = visible.join(',');
  useEffect(() => {
    controller?.setVisible(visibleKey ? (visibleKey.split(',') as MapLayer[]) : []);
  }, [controller, visibleKey]);

  useEffect(() => void (controller && sites && controller.setData(SOURCE.sites, sites)), [controller, sites]);
  useEffect(
    () => void (controller && coverage && controller.setData(SOURCE.coverage, coverage)),
    [controller, coverage],
  );
  useEffect(
    () => void (controller && municipalities && controller.setData(SOURCE.municipalities, municipalities)),
    [controller, municipalities],
  );
  useEffect(() => void (controller && air && controller.setSensors(SOURCE.air, air)), [controller, air]);
  useEffect(
    () => void (controller && traffic && controller.setSensors(SOURCE.traffic, traffic)),
    [controller, traffic],
  );

  useEffect(
    () => void (controller && alertPlaces && controller.setData(SOURCE.alertPlaces, alertPlaces)),
    [controller, alertPlaces],
  );
  useEffect(() => {
    if (!controller || !qkd) return;
    controller.setData(SOURCE.qkdLinks, qkd.links);
    controller.setData(SOURCE.qkdNodes, qkd.nodes);
  }, [controller, qkd]);

  useEffect(() => {
    if (!controller || !health) return;
    controller.setData(SOURCE.healthFacilities, health.facilities);
    controller.setData(SOURCE.healthPath, health.path);
  }, [controller, health]);

  const selectedKind = selected?.kind;
  const selectedId = selected?.id;
  useEffect(() => {
    controller?.select(selectedKind && selectedId ? { kind: selectedKind, id: selectedId } : null);
  }, [controller, selectedKind, selectedId]);

  return (
    <>
      <div
        ref={container}
        className="map-view__canvas"
        data-map-ready={controller && !contextLost ? 'true' : 'false'}
      />
      {contextLost && (
        <p className="map-view__lost" role="status">
          {t('map.graphicsLost')}
        </p>
      )}
    </>
  );
}
