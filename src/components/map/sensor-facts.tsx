import type { Quantiles } from '../../api/schemas/forecasts';
import { POLLUTANTS } from '../../api/schemas/forecasts';
import type { Sensor } from '../../api/schemas/sensors';
import { useNow } from '../../hooks/use-now';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/use-t';
import { EAQI_LABEL_KEYS, eaqiBand, eaqiLevel, POLLUTANT_LABELS } from '../../lib/eaqi';
import { formatAge, formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { isSensorStale } from '../../lib/sensors';
import { Badge } from '../ui/badge';
import { eaqiTone } from '../ui/tones';
import type { DetailsContext, MapMoment } from './details-context';
import { SensorHistory } from './sensor-history';

const KIND_LABEL: Record<Sensor['kind'], MessageKey> = {
  traffic: 'map.sensor.traffic',
  air: 'map.sensor.air',
  noise: 'map.sensor.noise',
  weather: 'map.sensor.weather',
};
const HISTORY_METRIC = {
  traffic: { metric: 'averageVehicleSpeed', label: 'map.details.averageSpeed' },
  noise: { metric: 'laeq', label: 'map.details.noiseLevel' },
  weather: { metric: 'temperature', label: 'map.details.temperature' },
} as const satisfies Record<string, { metric: string; label: MessageKey }>;

/** A predicted value as its median with the 80 % interval. */
const withRange = (q: Quantiles | undefined, format: (v: number) => string) =>
  q ? `${format(q.p50)} (p10–p90 ${format(q.p10)}–${format(q.p90)})` : null;

export function SensorFacts({
  sensor,
  moment,
  context,
}: {
  sensor: Sensor;
  moment: MapMoment;
  context: DetailsContext;
}) {
  const clock = useNow(5000);
  const t = useT();
  const { municipalityName, pollutant } = context;
  const reading = moment.readings?.get(sensor.id);
  const prediction = moment.predictions?.get(sensor.id);
  const timeView = moment.note === undefined ? undefined : { note: moment.note, atMs: moment.atMs };
  const now = timeView?.atMs ?? clock;
  const predicted = prediction !== undefined;
  const stale = !predicted && isSensorStale(sensor, reading, now);
  const seen = reading ? Date.parse(reading.dateObserved) : null;
  const range = (key: string, format: (v: number) => string) =>
    withRange((prediction as Record<string, Quantiles> | undefined)?.[key], format);
  const history =
    sensor.kind === 'air'
      ? {
          metric: pollutant === 'all' ? 'pm10' : pollutant,
          label: POLLUTANT_LABELS[pollutant === 'all' ? 'pm10' : pollutant],
        }
      : { ...HISTORY_METRIC[sensor.kind], label: t(HISTORY_METRIC[sensor.kind].label) };
  return (
    <>
      {timeView && <p className="map-details__time">{timeView.note}</p>}
      <dl className="details">
        <dt>{t('map.details.kind')}</dt>
        <dd>{t(KIND_LABEL[sensor.kind])}</dd>
        <dt>{t('map.details.municipality')}</dt>
        <dd>{municipalityName(sensor.municipalityId)}</dd>
        <dt>
          {t(
            predicted ? 'map.details.predictedFor' : stale ? 'map.details.lastSeen' : 'map.details.observed',
          )}
        </dt>
        <dd>
          {seen === null
            ? t(timeView ? 'map.details.noValueAtTime' : 'map.details.never')
            : `${formatDateTime(seen)}${timeView ? '' : ` (${formatAge(now - seen)})`}`}
          {stale && <Badge tone="warning" label={t('map.notReporting')} />}
        </dd>
        {reading?.kind === 'air' && (
          <>
            <dt>{t(predicted ? 'map.details.airQualityMedians' : 'map.details.airQuality')}</dt>
            <dd>
              <Badge
                tone={eaqiTone(reading.airQualityIndex)}
                label={`${reading.airQualityIndex} · ${t(EAQI_LABEL_KEYS[reading.airQualityLevel])}`}
              />
            </dd>
            {POLLUTANTS.map((p) => (
              <div key={p} className="details__pair">
                <dt>{POLLUTANT_LABELS[p]}</dt>
                <dd>
                  {range(p, (v) => formatNumber(v, 1)) ?? formatNumber(reading[p], 1)} µg/m³ ·{' '}
                  {t(EAQI_LABEL_KEYS[eaqiLevel(eaqiBand(p, reading[p]))])}
                </dd>
              </div>
            ))}
          </>
        )}
        {reading?.kind === 'traffic' && (
          <>
            <dt>{t('map.details.intensity')}</dt>
            <dd>
              {t('map.details.vehiclesPerHour', {
                value: range('intensity', (v) => formatNumber(v)) ?? formatNumber(reading.intensity),
              })}
            </dd>
            <dt>{t('map.details.averageSpeed')}</dt>
            <dd>
              {range('averageVehicleSpeed', (v) => formatNumber(v)) ??
                formatNumber(reading.averageVehicleSpeed)}{' '}
              km/h
            </dd>
            <dt>{t('map.details.occupancy')}</dt>
            <dd>{range('occupancy', (v) => formatPercent(v)) ?? formatPercent(reading.occupancy)}</dd>
            <dt>{t('map.details.congested')}</dt>
            <dd>
              {t(reading.congested ? 'map.details.yes' : 'map.details.no')}
              {predicted && ` ${t('map.details.onTheMedian')}`}
            </dd>
          </>
        )}
        {reading?.kind === 'noise' && (
          <>
            <dt>{t('map.details.noiseLevel')}</dt>
            <dd>{formatNumber(reading.laeq, 1)} dB(A)</dd>
          </>
        )}
        {reading?.kind === 'weather' && (
          <>
            <dt>{t('map.details.temperature')}</dt>
            <dd>{formatNumber(reading.temperature, 1)} °C</dd>
            <dt>{t('map.details.humidity')}</dt>
            <dd>{formatPercent(reading.relativeHumidity / 100)}</dd>
            <dt>{t('map.details.wind')}</dt>
            <dd>{formatNumber(reading.windSpeed, 1)} m/s</dd>
          </>
        )}
      </dl>
      <SensorHistory sensorId={sensor.id} metric={history.metric} label={history.label} />
    </>
  );
}
