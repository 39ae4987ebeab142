import { debounce } from 'nuqs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Pollutant } from '../../api/schemas/forecasts';
import { useScreenMode } from '../../hooks/use-screen-mode';
import { useScreenScale } from '../../hooks/use-screen-scale';
import { useSearchState } from '../../hooks/use-search-state';
import { useT } from '../../i18n/use-t';
import { formatTarget, resolveTarget, type Target } from '../../lib/selection';
import { useTheme } from '../../store/ui-store';
import { describeError } from '../ui/error-text';
import { FeaturesInView } from './features-in-view';
import { MapDetails } from './map-details';
import { featuresInView, searchEntries } from './map-index';
import { MapLegend } from './map-legend';
import type { HoverInfo } from './map-pointer';
import { MapSearch } from './map-search';
import { CLUSTER_ABOVE, type MapLayer } from './map-style';
import { formatTimeOffset, parseTimeOffset } from './map-time';
import { MapTimeline } from './map-timeline';
import { MapToolbar } from './map-toolbar';
import { formatCamera, formatLayers, mapSearchSchema, parseCamera, parseLayers } from './map-url';
import { MapView, type Bounds, type Camera, type MapHandle } from './map-view';
import { useMapData } from './use-map-data';

export interface TerritoryMapProps {
  defaultLayers: readonly MapLayer[];
  defaultPollutant?: Pollutant | 'all';
}

/** A camera the user moves to reaches the URL once the map has rested this long. */
const CAMERA_WRITE_MS = 300;

/** The live territory map with its layers, legend, search, details and text alternative. */
export function TerritoryMap({ defaultLayers, defaultPollutant = 'all' }: TerritoryMapProps) {
  const [search, setSearch] = useSearchState(mapSearchSchema);
  const t = useT();
  const theme = useTheme();
  const scale = useScreenScale();
  // A wall is watched and a presentation is told, not operated: no controls on either, and without
  // a camera of its own the map keeps the whole territory framed.
  const mode = useScreenMode();
  const kiosk = mode === 'wall' || mode === 'presentation';
  const visible = useMemo(() => parseLayers(search.layers, defaultLayers), [search.layers, defaultLayers]);
  const pollutant = search.pollutant ?? defaultPollutant;
  const offset = parseTimeOffset(search.time);
  const data = useMapData(visible, search.band, offset, search.sel);
  const { territory, sites, sensors, shares, layers, snapshot, shown, facilities, devices, devicesAt } = data;
  const live = snapshot.mode === 'live';

  const mapRef = useRef<MapHandle>(null);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [bounds, setBounds] = useState<Bounds | null>(null);

  const selection = resolveTarget(search.sel, data);
  const entries = useMemo(
    () => searchEntries({ territory, sites, sensors, facilities, devices }, t),
    [territory, sites, sensors, facilities, devices, t],
  );
  const inView = useMemo(
    () =>
      bounds
        ? featuresInView(
            bounds,
            visible,
            { territory, sites, air: layers.air, traffic: layers.traffic, shares, facilities, devicesAt },
            pollutant,
            t,
          )
        : [],
    [
      bounds,
      visible,
      territory,
      sites,
      layers.air,
      layers.traffic,
      shares,
      facilities,
      devicesAt,
      pollutant,
      t,
    ],
  );
  const municipalityName = useCallback(
    (id: string) => territory?.municipalities.find((m) => m.id === id)?.name ?? id,
    [territory],
  );

  // A selection made elsewhere (a link, a list, an alert's "Show on the map") is brought into view,
  // once the map is there and the selection's data is in.
  const selectionKey = formatTarget(search.sel);
  const [lon, lat] = selection && !selection.missing ? selection.position : [];
  const mapReady = bounds !== null;
  useEffect(() => {
    if (mapReady && lon !== undefined && lat !== undefined) mapRef.current?.bringIntoView([lon, lat]);
  }, [selectionKey, lon, lat, mapReady]);

  const onMoveEnd = useCallback(
    (camera: Camera, visibleBounds: Bounds, own: boolean) => {
      setBounds(visibleBounds);
      if (own) setSearch({ at: formatCamera(camera) }, { limitUrlUpdates: debounce(CAMERA_WRITE_MS) });
    },
    [setSearch],
  );

  const select = useCallback(
    (target: Target | null) => setSearch({ sel: formatTarget(target) }),
    [setSearch],
  );
  const pick = (target: Target, position: readonly [number, number], zoom?: number) => {
    mapRef.current?.flyTo(position, zoom);
    select(target);
  };

  if (!territory) {
    return (
      <section className="territory-map territory-map--empty" aria-label={t('shell.mapPanel')}>
        {data.territoryError ? (
          <p role="alert">{t('map.cannotDraw', { error: describeError(data.territoryError) })}</p>
        ) : (
          <p aria-busy="true">{t('map.loadingTerritory')}</p>
        )}
      </section>
    );
  }

  const { problems } = data;
  return (
    <section className="territory-map" aria-label={t('shell.mapPanel')}>
      {!kiosk && (
        <div className="territory-map__bar">
          <MapToolbar
            visible={visible}
            onToggle={(layer) =>
              setSearch({
                layers: formatLayers(
                  visible.includes(layer) ? visible.filter((l) => l !== layer) : [...visible, layer],
                ),
              })
            }
            pollutant={pollutant}
            onPollutant={(p) => setSearch({ pollutant: p })}
            band={search.band}
            onBand={(band) => setSearch({ band })}
            coverageMetric={search.cov}
            onCoverageMetric={(cov) => setSearch({ cov })}
          />
          <MapSearch
            entries={entries}
            onPick={(entry) => pick(entry, entry.position, entry.kind === 'municipality' ? 12 : 13)}
          />
        </div>
      )}
      {problems.failed.length > 0 && (
        <div className="territory-map__errors" role="alert">
          {problems.failed.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      )}
      {problems.stale.length > 0 && (
        <div role="status">
          {problems.stale.map((note) => (
            <p key={note} className="panel__status panel__status--stale">
              <span aria-hidden="true">⚠ </span>
              {note}
            </p>
          ))}
        </div>
      )}
      {!kiosk && (visible.includes('air') || visible.includes('traffic') || !live) && (
        <MapTimeline
          offset={offset}
          onOffset={(minutes) => setSearch({ time: formatTimeOffset(minutes) })}
          snapshot={snapshot}
        />
      )}
      <div className={`territory-map__stage territory-map__stage--${snapshot.mode}`}>
        {!live && (
          <p className={`map-time-badge map-time-badge--${snapshot.mode}`} aria-hidden="true">
            {data.timeNote}
          </p>
        )}
        <MapView
          ref={mapRef}
          territory={territory}
          styleUrl={import.meta.env.VITE_MAP_STYLE_URL || undefined}
          options={{
            theme,
            scale,
            pollutant,
            coverageMetric: search.cov,
            clusterSensors: (sensors?.length ?? 0) > CLUSTER_ABOVE,
            timeMode: snapshot.mode,
          }}
          visible={visible}
          camera={parseCamera(search.at, null)}
          frameTerritory={kiosk}
          {...layers}
          municipalities={layers.municipalities!}
          selected={search.sel ?? null}
          onSelect={select}
          onHover={setHover}
          onMoveEnd={onMoveEnd}
        />
        {hover && (
          <div className="map-tooltip" style={{ left: hover.x, top: hover.y }} role="tooltip">
            {hover.name}
          </div>
        )}
        {selection && (
          <MapDetails
            selection={selection}
            moment={{
              readings: shown?.bySensor,
              atMs: data.shownAt,
              predictions: snapshot.predicted?.predictions,
              note: live || !shown ? undefined : data.timeNote,
            }}
            context={{
              sites,
              sensors: sensors,
              shares,
              municipalityName,
              pollutant,
              facilities,
              devicesAt,
            }}
            onClose={() => select(null)}
          />
        )}
        {territory.attribution && <p className="map-credit">{territory.attribution}</p>}
      </div>
      <MapLegend
        visible={visible}
        clustered={(sensors?.length ?? 0) > CLUSTER_ABOVE}
        pollutant={pollutant}
        coverageMetric={search.cov}
        band={search.band}
        timeMode={snapshot.mode}
      />
      {!kiosk && (
        <FeaturesInView
          features={inView}
          selected={search.sel ?? null}
          onSelect={(target) => {
            const feature = inView.find((f) => f.kind === target.kind && f.id === target.id);
            if (feature) pick(target, feature.position);
            else select(target);
          }}
        />
      )}
    </section>
  );
}
