import { useQuery } from '@tanstack/react-query';
import { airForecastsQuery } from '../../api/queries/forecasts';
import { readingsQuery, sensorsQuery } from '../../api/queries/sensors';
import { territoryQuery, territoryWithMunicipalityIndex } from '../../api/queries/territory';
import type { Pollutant } from '../../api/schemas/forecasts';
import type { AirReading } from '../../api/schemas/sensors';
import { Badge } from '../../components/ui/badge';
import { DependencyMessage } from '../../components/ui/dependency-message';
import { FitList } from '../../components/ui/fit-list';
import { QueryPanel } from '../../components/ui/panel';
import { useShownError } from '../../components/ui/shown-error';
import { eaqiTone } from '../../components/ui/tones';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useNow } from '../../hooks/use-now';
import { useT } from '../../i18n/use-t';
import { EAQI_LABEL_KEYS, POLLUTANT_LABELS } from '../../lib/eaqi';
import { formatAge, formatNumber } from '../../lib/format';
import { sensorRows, type SensorRow } from '../../lib/sensors';
import { AirForecastChart } from './air-forecast';
import { AirStationTiles } from './air-station-tiles';

/** Stations worst first: the highest EAQI, then the highest value; those not reporting last. */
export function stationsWorstFirst(rows: readonly SensorRow<AirReading>[], pollutant: Pollutant) {
  const rank = (r: SensorRow<AirReading>) =>
    r.reading && !r.stale ? r.reading.airQualityIndex * 1e6 + r.reading[pollutant] : -1;
  return [...rows].sort((a, b) => rank(b) - rank(a));
}

/** The environment on a wall, for the pollutant the link names: the stations worst first and the outlook. */
export function EnvironmentWall({ pollutant }: { pollutant: Pollutant }) {
  const t = useT();
  const sensors = useLiveQuery(sensorsQuery());
  const sensorsError = useShownError(sensors);
  const readingsOptions = readingsQuery();
  const readings = useLiveQuery(readingsOptions);
  const forecastOptions = airForecastsQuery(pollutant, null);
  const forecast = useLiveQuery(forecastOptions);
  const territory = useQuery({ ...territoryQuery(), select: territoryWithMunicipalityIndex });
  const now = useNow(5000);
  const municipalityName = (id: string) => territory.data?.byId.get(id)?.name ?? id;

  return (
    <div className="view view--wall">
      <h1 className="visually-hidden">{t('view.environment')}</h1>
      <QueryPanel
        title={t('environment.stations')}
        query={readings}
        options={readingsOptions}
        className="panel--fill"
      >
        {(data) => {
          if (!sensors.data)
            return <DependencyMessage what="sensors" failed={!!sensorsError} errors={[sensorsError]} />;
          const rows = sensorRows(sensors.data.items, data.bySensor, 'air', now);
          if (rows.length === 0) return <p className="panel__message">{t('environment.noStations')}</p>;
          return (
            <>
              <AirStationTiles rows={rows} pollutant={pollutant} wall />
              <FitList
                label={t('environment.stationsWorstFirst')}
                items={stationsWorstFirst(rows, pollutant)}
                itemKey={(r) => r.sensor.id}
                tone={(r) => (r.reading && !r.stale ? eaqiTone(r.reading.airQualityIndex) : 'neutral')}
                render={({ sensor, reading, stale }) => (
                  <>
                    {reading && !stale ? (
                      <Badge
                        tone={eaqiTone(reading.airQualityIndex)}
                        label={`${reading.airQualityIndex} · ${t(EAQI_LABEL_KEYS[reading.airQualityLevel])}`}
                      />
                    ) : (
                      <Badge tone="neutral" label={t('environment.notReportingShort')} />
                    )}{' '}
                    {reading &&
                      (stale
                        ? `${t('environment.staleLastSeen', { age: formatAge(now - Date.parse(reading.dateObserved)) })} · `
                        : `${POLLUTANT_LABELS[pollutant]} ${formatNumber(reading[pollutant], 1)} µg/m³ · `)}
                    <strong>{municipalityName(sensor.municipalityId)}</strong> · {sensor.name}
                  </>
                )}
              />
            </>
          );
        }}
      </QueryPanel>
      <QueryPanel
        title={t('environment.outlookTitle', {
          pollutant: POLLUTANT_LABELS[pollutant],
          station: t('environment.metroMean'),
        })}
        query={forecast}
        options={forecastOptions}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage={t('environment.noForecast')}
        className="panel--fill"
      >
        {(data) => (
          <AirForecastChart
            forecast={data.items[0]!}
            place={t('environment.metroArea')}
            nowMs={forecast.dataUpdatedAt}
          />
        )}
      </QueryPanel>
    </div>
  );
}
