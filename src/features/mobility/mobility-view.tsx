import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { placeTrafficForecastQuery, trafficForecastsQuery } from '../../api/queries/forecasts';
import { REFRESH_MS } from '../../api/queries/intervals';
import { readingsQuery, sensorsQuery } from '../../api/queries/sensors';
import { territoryQuery } from '../../api/queries/territory';
import type { TrafficForecast, TrafficPlace } from '../../api/schemas/forecasts';
import { useLiveQuery } from '../../hooks/use-live-query';
import { Badge } from '../../components/ui/badge';
import { DataTable, type Column } from '../../components/ui/data-table';
import { DependencyMessage } from '../../components/ui/dependency-message';
import { QueryPanel } from '../../components/ui/panel';
import { useShownError } from '../../components/ui/shown-error';
import { StatGrid, StatTile, type Tone } from '../../components/ui/stat-tile';
import { useNow } from '../../hooks/use-now';
import { useSearchState } from '../../hooks/use-search-state';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/use-t';
import { formatNumber, formatPercent, formatTime } from '../../lib/format';
import { sensorRows } from '../../lib/sensors';
import { ForecastAccuracy } from '../../components/forecast/forecast-accuracy';
import { formatTarget, selectedId, targetField, type Target } from '../../lib/selection';
import { ForecastPlacePicker, type ForecastChoice } from './forecast-place-picker';
import {
  CongestionRanking,
  HORIZONS,
  TrafficForecastChart,
  type Horizon,
  type SpeedForecast,
} from './traffic-forecast';
import {
  CONGESTION_LABEL_KEYS,
  congestionLevel,
  corridorStatuses,
  type CongestionLevel,
  type CorridorStatus,
} from '../../lib/traffic';

const searchSchema = z.object({
  /**
   * One selection for the corridors table, the forecast and the map: a corridor, or a municipality
   * or traffic sensor to forecast instead.
   */
  sel: targetField,
  h: z.catch(z.pipe(z.coerce.number(), z.union(HORIZONS.map((h) => z.literal(h)))), 6),
});

const LEVEL: Record<CongestionLevel, { tone: Tone; label: MessageKey }> = {
  free: { tone: 'good', label: CONGESTION_LABEL_KEYS.free },
  busy: { tone: 'warning', label: CONGESTION_LABEL_KEYS.busy },
  congested: { tone: 'bad', label: CONGESTION_LABEL_KEYS.congested },
  unknown: { tone: 'neutral', label: CONGESTION_LABEL_KEYS.unknown },
};

/** The forecast step about an hour after issue. */
const stepInOneHour = (f: TrafficForecast) => f.steps[Math.max(0, Math.round(60 / f.stepMinutes) - 1)];

export function MobilityView() {
  const [search, setSearch] = useSearchState(searchSchema);
  const t = useT();
  const territory = useQuery(territoryQuery());
  const sensors = useLiveQuery(sensorsQuery());
  const readings = useLiveQuery(readingsQuery());
  const forecasts = useLiveQuery(trafficForecastsQuery());
  const sensorsError = useShownError(sensors);
  const territoryError = useShownError(territory);
  const now = useNow(5000);
  const hours = search.h as Horizon;
  const corridorName = (id: string) => territory.data?.corridors.find((c) => c.id === id)?.name ?? id;
  const forecastFor = (id: string) => forecasts.data?.items.find((f) => f.corridorId === id);
  const selectedCorridor = selectedId(search.sel, 'corridor');
  // A municipality, or a sensor unless it is known not to count traffic, is forecast on its own.
  const sensorKind = (id: string) => sensors.data?.items.find((s) => s.id === id)?.kind;
  const place: TrafficPlace | null =
    search.sel?.kind === 'municipality' ||
    (search.sel?.kind === 'sensor' && (sensorKind(search.sel.id) ?? 'traffic') === 'traffic')
      ? { kind: search.sel.kind, id: search.sel.id }
      : null;
  const placeForecast = useLiveQuery(placeTrafficForecastQuery(place));
  const select = (target: Target | null) => setSearch({ sel: formatTarget(target) });
  const sensorName = (id: string) => sensors.data?.items.find((s) => s.id === id)?.name ?? id;
  const placeName = (p: TrafficPlace) =>
    p.kind === 'sensor'
      ? sensorName(p.id)
      : t('mobility.municipalityAllSensors', {
          name: territory.data?.municipalities.find((m) => m.id === p.id)?.name ?? p.id,
        });
  // With no corridor selected, the forecast shows the first one.
  const shownCorridor = (items: readonly TrafficForecast[]) =>
    (selectedCorridor && items.find((f) => f.corridorId === selectedCorridor)) || items[0]!;
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
      <div className="filters" role="group" aria-label={t('mobility.horizon')}>
        {HORIZONS.map((h) => (
          <button
            key={h}
            type="button"
            className="button"
            aria-pressed={h === hours}
            onClick={() => setSearch({ h })}
          >
            {h} h
          </button>
        ))}
      </div>
      <TrafficForecastChart forecast={forecast} name={name} fileId={fileId} hours={hours} nowMs={nowMs} />
    </>
  );

  const columns: Column<CorridorStatus>[] = [
    {
      key: 'name',
      header: t('mobility.corridor'),
      cell: (c) => c.corridor.name,
      sortValue: (c) => c.corridor.name,
    },
    {
      key: 'level',
      header: t('mobility.now'),
      cell: (c) => {
        const level = LEVEL[congestionLevel(c.speedRatio)];
        return <Badge tone={level.tone} label={t(level.label)} />;
      },
      sortValue: (c) => c.speedRatio,
    },
    {
      key: 'speed',
      header: t('mobility.speed'),
      numeric: true,
      cell: (c) => formatNumber(c.meanSpeedKmh),
      sortValue: (c) => c.meanSpeedKmh,
    },
    {
      key: 'freeFlow',
      header: t('mobility.freeFlow'),
      numeric: true,
      cell: (c) => formatNumber(c.corridor.freeFlowKmh),
    },
    {
      key: 'congested',
      header: t('mobility.congestedSensors'),
      numeric: true,
      cell: (c) => formatPercent(c.congestedShare),
      sortValue: (c) => c.congestedShare,
    },
    {
      key: 'occupancy',
      header: t('mobility.occupancy'),
      numeric: true,
      cell: (c) => formatPercent(c.meanOccupancy),
      sortValue: (c) => c.meanOccupancy,
    },
    {
      key: 'forecast',
      header: t('mobility.predictedIn1h'),
      numeric: true,
      cell: (c) => {
        const step = forecastFor(c.corridor.id) && stepInOneHour(forecastFor(c.corridor.id)!);
        return step
          ? `${formatNumber(step.p50)} km/h (${formatNumber(step.p10)}–${formatNumber(step.p90)})`
          : '—';
      },
      sortValue: (c) => {
        const f = forecastFor(c.corridor.id);
        const step = f && stepInOneHour(f);
        return step ? step.p50 / c.corridor.freeFlowKmh : null;
      },
    },
    {
      key: 'reporting',
      header: t('mobility.sensorsReporting'),
      numeric: true,
      cell: (c) => `${c.reporting} / ${c.sensors}`,
      sortValue: (c) => c.reporting / Math.max(1, c.sensors),
    },
  ];

  return (
    <div className="view">
      <h1 className="view__title">{t('view.mobility')}</h1>
      <QueryPanel title={t('mobility.corridors')} query={readings} refreshMs={REFRESH_MS.readings}>
        {(data) => {
          if (!sensors.data || !territory.data)
            return (
              <DependencyMessage
                what="sensorsAndRoads"
                failed={!!sensorsError || !!territoryError}
                errors={[!sensors.data && sensorsError, !territory.data && territoryError]}
              />
            );
          const rows = sensorRows(sensors.data.items, data.bySensor, 'traffic', now);
          const statuses = corridorStatuses(territory.data.corridors, rows);
          if (statuses.length === 0) return <p className="panel__message">{t('mobility.noCorridors')}</p>;
          const live = rows.filter((r) => r.reading && !r.stale);
          const congested = live.filter((r) => r.reading?.congested).length;
          const worst = statuses
            .filter((s) => s.speedRatio !== null)
            .sort((a, b) => a.speedRatio! - b.speedRatio!)[0];
          return (
            <>
              <StatGrid>
                <StatTile
                  label={t('mobility.congestedSensors')}
                  value={formatPercent(live.length ? congested / live.length : null)}
                  tone={congested / Math.max(1, live.length) > 0.2 ? 'bad' : congested ? 'warning' : 'good'}
                  detail={t('mobility.ofReporting', { count: congested, total: live.length })}
                />
                <StatTile
                  label={t('mobility.corridorsCongested')}
                  value={statuses.filter((s) => congestionLevel(s.speedRatio) === 'congested').length}
                  detail={t('mobility.ofTotal', { total: statuses.length })}
                />
                <StatTile
                  label={t('mobility.slowestCorridor')}
                  value={worst ? formatPercent(worst.speedRatio) : '—'}
                  detail={
                    worst ? `${worst.corridor.name}, ${formatNumber(worst.meanSpeedKmh)} km/h` : undefined
                  }
                />
                <StatTile
                  label={t('mobility.sensorsSilent')}
                  value={rows.length - live.length}
                  tone={rows.length - live.length ? 'warning' : 'good'}
                  detail={t('mobility.asOf', { time: formatTime(now) })}
                />
              </StatGrid>
              <DataTable
                caption={t('mobility.corridors')}
                columns={columns}
                rows={statuses}
                rowKey={(c) => c.corridor.id}
                selectColumn="name"
                selectedKey={selectedCorridor}
                onSelect={(c) =>
                  select(c.corridor.id === selectedCorridor ? null : { kind: 'corridor', id: c.corridor.id })
                }
                initialSort={{ key: 'level' }}
                maxRows={100}
              />
            </>
          );
        }}
      </QueryPanel>
      {place ? (
        <QueryPanel
          title={t('mobility.forecastTitle', { hours })}
          query={placeForecast}
          refreshMs={REFRESH_MS.forecasts}
        >
          {(forecast) =>
            forecastBody(forecast, placeName(place), `${place.kind}-${place.id}`, placeForecast.dataUpdatedAt)
          }
        </QueryPanel>
      ) : (
        <QueryPanel
          title={t('mobility.forecastTitle', { hours })}
          query={forecasts}
          refreshMs={REFRESH_MS.forecasts}
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
        refreshMs={REFRESH_MS.forecasts}
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
        <QueryPanel
          title={t('mobility.accuracyTitle')}
          query={placeForecast}
          refreshMs={REFRESH_MS.forecasts}
        >
          {(forecast) => <ForecastAccuracy {...forecast} subject={placeName(place)} />}
        </QueryPanel>
      ) : (
        <QueryPanel
          title={t('mobility.accuracyTitle')}
          query={forecasts}
          refreshMs={REFRESH_MS.forecasts}
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
