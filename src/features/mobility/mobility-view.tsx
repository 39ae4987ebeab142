import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { z } from 'zod/mini';
import { placeTrafficForecastQuery, trafficForecastsQuery } from '../../api/queries/forecasts';
import { sensorsQuery, sensorsWithIndex } from '../../api/queries/sensors';
import { territoryQuery, territoryWithMunicipalityIndex } from '../../api/queries/territory';
import type { TrafficForecast, TrafficPlace } from '../../api/schemas/forecasts';
import { ForecastAccuracy } from '../../components/forecast/forecast-accuracy';
import { QueryPanel } from '../../components/ui/panel';
import { ToggleGroup } from '../../components/ui/toggle-group';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useSearchState } from '../../hooks/use-search-state';
import { useT } from '../../i18n/use-t';
import { formatTarget, selectedId, targetField, type Target } from '../../lib/selection';
import { CorridorsPanel } from './corridors-panel';
import { MobilityWall } from './mobility-wall';
import { useIsWall } from '../../hooks/use-screen-mode';
import { ForecastPlacePicker, type ForecastChoice } from './forecast-place-picker';
import {
  CongestionRanking,
  HORIZONS,
  TrafficForecastChart,
  type Horizon,
  type SpeedForecast,
} from './traffic-forecast';

const searchSchema = z.object({
  /**
   * One selection for the corridors table, the forecast and the map: a corridor, or a municipality
   * or traffic sensor to forecast instead.
   */
  sel: targetField,
  h: z.catch(z.pipe(z.coerce.number(), z.union(HORIZONS.map((h) => z.literal(h)))), 6),
});

export function MobilityView() {
  return useIsWall() ? <MobilityWall /> : <MobilityDesk />;
}

function MobilityDesk() {
  const [search, setSearch] = useSearchState(searchSchema);
  const t = useT();
  const territory = useQuery({ ...territoryQuery(), select: territoryWithMunicipalityIndex });
  const sensors = useLiveQuery({ ...sensorsQuery(), select: sensorsWithIndex });
  const forecastsOptions = trafficForecastsQuery();
  const forecasts = useLiveQuery(forecastsOptions);
  const forecastsByCorridor = useMemo(
    () => forecasts.data && new Map(forecasts.data.items.map((f) => [f.corridorId, f])),
    [forecasts.data],
  );
  const hours = search.h as Horizon;
  const corridorNames = useMemo(
    () => new Map(territory.data?.corridors.map((c) => [c.id, c.name])),
    [territory.data],
  );
  const corridorName = (id: string) => corridorNames.get(id) ?? id;
  const selectedCorridor = selectedId(search.sel, 'corridor');
  // A municipality, or a sensor unless it is known not to count traffic, is forecast on its own.
  const place: TrafficPlace | null =
    search.sel?.kind === 'municipality' ||
    (search.sel?.kind === 'sensor' &&
      (sensors.data?.byId.get(search.sel.id)?.kind ?? 'traffic') === 'traffic')
      ? { kind: search.sel.kind, id: search.sel.id }
      : null;
  const placeOptions = placeTrafficForecastQuery(place);
  const placeForecast = useLiveQuery(placeOptions);
  const select = (target: Target | null) => setSearch({ sel: formatTarget(target) });
  const sensorName = (id: string) => sensors.data?.byId.get(id)?.name ?? id;
  const placeName = (p: TrafficPlace) =>
    p.kind === 'sensor'
      ? sensorName(p.id)
      : t('mobility.municipalityAllSensors', {
          name: territory.data?.byId.get(p.id)?.name ?? p.id,
        });
  // With no corridor selected, the forecast shows the first one.
  const shownCorridor = (items: readonly TrafficForecast[]) =>
    (selectedCorridor && forecastsByCorridor?.get(selectedCorridor)) || items[0]!;
  const trafficSensors = sensors.data?.items.filter((s) => s.kind === 'traffic') ?? [];
  const choice: ForecastChoice = place ?? {
    kind: 'corridor',
    id: selectedCorridor ?? forecasts.data?.items[0]?.corridorId ?? '',
  };
  const forecastChoice = (
    <ForecastPlacePicker
      value={choice}
      corridors={territory.data?.corridors ?? []}
      municipalities={(territory.data?.municipalities ?? []).filter((m) =>
        trafficSensors.some((s) => s.municipalityId === m.id),
      )}
      sensor={place?.kind === 'sensor' ? { id: place.id, name: sensorName(place.id) } : undefined}
      onChange={select}
    />
  );
  const forecastBody = (forecast: SpeedForecast, name: string, fileId: string, nowMs: number) => (
    <>
      {forecastChoice}
      <ToggleGroup
        label={t('mobility.horizon')}
        options={HORIZONS}
        value={hours}
        onChange={(h) => setSearch({ h })}
        optionLabel={(h) => `${h} h`}
      />
      <TrafficForecastChart forecast={forecast} name={name} fileId={fileId} hours={hours} nowMs={nowMs} />
    </>
  );

  return (
    <div className="view">
      <h1 className="view__title">{t('view.mobility')}</h1>
      <CorridorsPanel
        forecasts={forecastsByCorridor}
        selected={selectedCorridor}
        onSelect={(id) => select(id === null ? null : { kind: 'corridor', id })}
      />
      {place ? (
        <QueryPanel
          title={t('mobility.forecastTitle', { hours })}
          query={placeForecast}
          options={placeOptions}
        >
          {(forecast) =>
            forecastBody(forecast, placeName(place), `${place.kind}-${place.id}`, placeForecast.dataUpdatedAt)
          }
        </QueryPanel>
      ) : (
        <QueryPanel
          title={t('mobility.forecastTitle', { hours })}
          query={forecasts}
          options={forecastsOptions}
          isEmpty={(d) => d.items.length === 0}
          emptyMessage={t('mobility.noForecasts')}
        >
          {(data) => {
            const shown = shownCorridor(data.items);
            return forecastBody(
              shown,
              corridorName(shown.corridorId),
              shown.corridorId,
              forecasts.dataUpdatedAt,
            );
          }}
        </QueryPanel>
      )}
      <QueryPanel
        title={t('mobility.rankingTitle', { hours })}
        query={forecasts}
        options={forecastsOptions}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage={t('mobility.noForecasts')}
      >
        {(data) => (
          <CongestionRanking
            forecasts={data.items}
            hours={hours}
            corridorName={corridorName}
            selected={place ? undefined : shownCorridor(data.items).corridorId}
            onSelect={(corridor) => select({ kind: 'corridor', id: corridor })}
          />
        )}
      </QueryPanel>
      {place ? (
        <QueryPanel title={t('mobility.accuracyTitle')} query={placeForecast} options={placeOptions}>
          {(forecast) => <ForecastAccuracy {...forecast} subject={placeName(place)} />}
        </QueryPanel>
      ) : (
        <QueryPanel
          title={t('mobility.accuracyTitle')}
          query={forecasts}
          options={forecastsOptions}
          isEmpty={(d) => d.items.length === 0}
        >
          {(data) => {
            const shown = shownCorridor(data.items);
            return <ForecastAccuracy {...shown} subject={corridorName(shown.corridorId)} />;
          }}
        </QueryPanel>
      )}
    </div>
  );
}
