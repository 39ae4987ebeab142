import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { airDailyOutlookQuery, airForecastsQuery } from '../../api/queries/forecasts';
import { readingsQuery, sensorsQuery, sensorsWithIndex } from '../../api/queries/sensors';
import { ForecastAccuracy } from '../../components/forecast/forecast-accuracy';
import { AirForecastChart } from './air-forecast';
import { AirStationTiles } from './air-station-tiles';
import { EnvironmentWall } from './environment-wall';
import { useIsWall } from '../../hooks/use-screen-mode';
import { DailyOutlook } from './daily-outlook';
import { territoryQuery, territoryWithMunicipalityIndex } from '../../api/queries/territory';
import { POLLUTANTS } from '../../api/schemas/forecasts';
import type { AirReading } from '../../api/schemas/sensors';
import { useLiveQuery } from '../../hooks/use-live-query';
import { Badge } from '../../components/ui/badge';
import { withLayer } from '../../components/map/map-url';
import { TIME_RANGE_MIN } from '../../components/map/map-time';
import { DataTable, type Column } from '../../components/ui/data-table';
import { DependencyMessage } from '../../components/ui/dependency-message';
import { QueryPanel } from '../../components/ui/panel';
import { useShownError } from '../../components/ui/shown-error';
import { ToggleGroup } from '../../components/ui/toggle-group';
import { eaqiTone } from '../../components/ui/tones';
import { useNow } from '../../hooks/use-now';
import { useSearchState } from '../../hooks/use-search-state';
import { useT } from '../../i18n/use-t';
import { EAQI_LABEL_KEYS, eaqiBand, eaqiLevel, POLLUTANT_LABELS } from '../../lib/eaqi';
import { formatAge, formatNumber } from '../../lib/format';
import { sensorRows, type SensorRow } from '../../lib/sensors';
import { formatTarget, selectedId, targetField } from '../../lib/selection';

const pollutantField = z.catch(z.enum(POLLUTANTS), 'pm10');
const pollutantSchema = z.object({ pollutant: pollutantField });
const searchSchema = z.object({
  pollutant: pollutantField,
  sel: targetField,
  station: z.catch(z.string(), 'metro'),
  // The map's time and layers, which the daily outlook can set.
  time: z.catch(z.optional(z.string()), undefined),
  layers: z.catch(z.optional(z.string()), undefined),
});

export function EnvironmentView() {
  const [{ pollutant }] = useSearchState(pollutantSchema);
  return useIsWall() ? <EnvironmentWall pollutant={pollutant} /> : <EnvironmentDesk />;
}

function EnvironmentDesk() {
  const [search, setSearch] = useSearchState(searchSchema);
  const t = useT();
  const sensors = useLiveQuery({ ...sensorsQuery(), select: sensorsWithIndex });
  const readingsOptions = readingsQuery();
  const readings = useLiveQuery(readingsOptions);
  const forecastOptions = airForecastsQuery(
    search.pollutant,
    search.station === 'metro' ? null : search.station,
  );
  const forecast = useLiveQuery(forecastOptions);
  const dailyOptions = airDailyOutlookQuery(search.pollutant);
  const daily = useLiveQuery(dailyOptions);
  const airStations = sensors.data?.items.filter((s) => s.kind === 'air') ?? [];
  const station = sensors.data?.byId.get(search.station);
  const stationName =
    search.station === 'metro'
      ? t('environment.metroMean')
      : station?.kind === 'air'
        ? station.name
        : search.station;
  const territory = useQuery({ ...territoryQuery(), select: territoryWithMunicipalityIndex });
  const sensorsError = useShownError(sensors);
  const territoryError = useShownError(territory);
  const now = useNow(5000);
  const municipalityName = (id: string) => territory.data?.byId.get(id)?.name ?? id;
  const municipalities = territory.data?.byId;
  const populationOf = municipalities && ((id: string) => municipalities.get(id)?.population);
  const pollutant = search.pollutant;
  const unit = 'µg/m³';
  const bandName = (value: number) => t(EAQI_LABEL_KEYS[eaqiLevel(eaqiBand(pollutant, value))]);

  const columns: Column<SensorRow<AirReading>>[] = [
    {
      key: 'name',
      header: t('environment.station'),
      cell: (r) => r.sensor.name,
      sortValue: (r) => r.sensor.name,
    },
    {
      key: 'municipality',
      header: t('environment.municipality'),
      cell: (r) => municipalityName(r.sensor.municipalityId),
      sortValue: (r) => municipalityName(r.sensor.municipalityId),
    },
    {
      key: 'eaqi',
      header: t('environment.airQuality'),
      cell: (r) =>
        r.reading ? (
          <Badge
            tone={eaqiTone(r.reading.airQualityIndex)}
            label={`${r.reading.airQualityIndex} · ${t(EAQI_LABEL_KEYS[r.reading.airQualityLevel])}`}
          />
        ) : (
          '—'
        ),
      sortValue: (r) => r.reading?.airQualityIndex ?? null,
    },
    {
      key: 'value',
      header: `${POLLUTANT_LABELS[pollutant]} ${unit}`,
      numeric: true,
      cell: (r) => formatNumber(r.reading?.[pollutant], 1),
      sortValue: (r) => r.reading?.[pollutant] ?? null,
    },
    {
      key: 'band',
      header: t('environment.pollutantBand', { pollutant: POLLUTANT_LABELS[pollutant] }),
      cell: (r) => (r.reading ? bandName(r.reading[pollutant]) : '—'),
    },
    {
      key: 'observed',
      header: t('environment.observed'),
      cell: (r) =>
        r.reading ? (
          r.stale ? (
            <Badge
              tone="neutral"
              label={t('environment.staleLastSeen', {
                age: formatAge(now - Date.parse(r.reading.dateObserved)),
              })}
            />
          ) : (
            formatAge(now - Date.parse(r.reading.dateObserved))
          )
        ) : (
          t('environment.never')
        ),
      sortValue: (r) => (r.reading ? Date.parse(r.reading.dateObserved) : null),
    },
  ];

  return (
    <div className="view">
      <h1 className="view__title">{t('view.environment')}</h1>
      <ToggleGroup
        label={t('environment.pollutant')}
        options={POLLUTANTS}
        value={pollutant}
        onChange={(p) => setSearch({ pollutant: p })}
        optionLabel={(p) => POLLUTANT_LABELS[p]}
      />
      <QueryPanel title={t('environment.stations')} query={readings} options={readingsOptions}>
        {(data) => {
          if (!sensors.data)
            return <DependencyMessage what="sensors" failed={!!sensorsError} errors={[sensorsError]} />;
          const rows = sensorRows(sensors.data.items, data.bySensor, 'air', now);
          if (rows.length === 0) return <p className="panel__message">{t('environment.noStations')}</p>;
          return (
            <>
              <AirStationTiles rows={rows} pollutant={pollutant} populationOf={populationOf} />
              <DataTable
                caption={t('environment.stations')}
                columns={columns}
                rows={rows}
                rowKey={(r) => r.sensor.id}
                selectColumn="name"
                selectedKey={selectedId(search.sel, 'sensor')}
                onSelect={(r) =>
                  setSearch({
                    sel: formatTarget(
                      selectedId(search.sel, 'sensor') === r.sensor.id
                        ? null
                        : { kind: 'sensor', id: r.sensor.id },
                    ),
                  })
                }
                initialSort={{ key: 'eaqi', descending: true }}
                isStale={(r) => r.stale}
              />
            </>
          );
        }}
      </QueryPanel>
      <QueryPanel
        title={t('environment.outlookTitle', {
          pollutant: POLLUTANT_LABELS[pollutant],
          station: stationName,
        })}
        query={forecast}
        options={forecastOptions}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage={t('environment.noForecast')}
      >
        {(data) => (
          <>
            <label className="filters">
              {t('forecast.for')}{' '}
              <select
                value={search.station}
                onChange={(e) =>
                  setSearch({ station: e.target.value === 'metro' ? undefined : e.target.value })
                }
              >
                <option value="metro">{t('environment.metroMeanOption')}</option>
                {airStations.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <AirForecastChart
              forecast={data.items[0]!}
              place={search.station === 'metro' ? t('environment.metroArea') : stationName}
              nowMs={forecast.dataUpdatedAt}
            />
          </>
        )}
      </QueryPanel>
      <QueryPanel
        title={t('environment.dailyTitle', { pollutant: POLLUTANT_LABELS[pollutant] })}
        query={daily}
        options={dailyOptions}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage={t('environment.noDaily')}
      >
        {(data) =>
          sensors.data && territory.data ? (
            <DailyOutlook
              outlook={data}
              sensors={sensors.data.items}
              municipalityName={municipalityName}
              nowMs={daily.dataUpdatedAt}
              selected={selectedId(search.sel, 'municipality')}
              onSelectMunicipality={(id) => setSearch({ sel: formatTarget({ kind: 'municipality', id }) })}
              onShowTomorrow={() =>
                setSearch({ time: String(TIME_RANGE_MIN), layers: withLayer(search.layers, 'air') })
              }
            />
          ) : (
            <DependencyMessage
              what="sensorsAndMunicipalities"
              failed={!!sensorsError || !!territoryError}
              errors={[!sensors.data && sensorsError, !territory.data && territoryError]}
            />
          )
        }
      </QueryPanel>
      <QueryPanel
        title={t('environment.accuracyTitle', { pollutant: POLLUTANT_LABELS[pollutant] })}
        query={forecast}
        options={forecastOptions}
        isEmpty={(d) => d.items.length === 0}
      >
        {(data) => {
          const f = data.items[0]!;
          return (
            <ForecastAccuracy
              model={f.model}
              baseline={f.baseline}
              unit={f.unit}
              accuracy={f.accuracy}
              hindcast={f.hindcast}
              subject={`${POLLUTANT_LABELS[pollutant]}, ${stationName}`}
            />
          );
        }}
      </QueryPanel>
    </div>
  );
}
