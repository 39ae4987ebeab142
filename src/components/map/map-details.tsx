import { Link } from 'react-router';
import type { Pollutant, Quantiles, SensorPrediction } from '../../api/schemas/forecasts';
import type { Site } from '../../api/schemas/network';
import type { Reading, Sensor } from '../../api/schemas/sensors';
import { useNow } from '../../hooks/use-now';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/use-t';
import { EAQI_LABEL_KEYS, eaqiBand, eaqiLevel, POLLUTANT_LABELS } from '../../lib/eaqi';
import { formatAge, formatDateTime, formatEuro, formatNumber, formatPercent } from '../../lib/format';
import { keepGlobalParams } from '../../lib/global-params';
import { siteLatency } from '../../lib/site-latency';
import { formatTarget, type Selection } from '../../lib/selection';
import { isSensorStale, sensorRows } from '../../lib/sensors';
import {
  CONGESTION_LABEL_KEYS,
  congestionLevel,
  corridorStatuses,
  type CorridorStatus,
} from '../../lib/traffic';
import { POLLUTANTS } from '../../api/schemas/forecasts';
import { Badge } from '../ui/badge';
import { useDetailsClose } from '../ui/use-details-close';
import { eaqiTone, SITE_STATUS_KEYS, SITE_STATUS_TONE } from '../ui/tones';
import { BAND_FREQUENCY } from './map-toolbar';
import { AlertPlaceFacts, QkdLinkFacts } from './security-details';
import { SensorHistory } from './sensor-history';
import { useUrlSearch } from '../../hooks/url-state';

/** The readings the map shows, at its time. */
export interface MapMoment {
  readings: ReadonlyMap<string, Reading> | undefined;
  /** When the readings were observed, or the instant predicted. */
  atMs: number;
  /** Set when the map shows a predicted time: each sensor's forecast with its interval. */
  predictions: ReadonlyMap<string, SensorPrediction> | undefined;
  /** Set when the map is not live: what time its readings are, in words. */
  note: string | undefined;
}

/** What the details draw on besides the selection itself. */
export interface DetailsContext {
  sites: readonly Site[] | undefined;
  sensors: readonly Sensor[] | undefined;
  /** Each municipality's share of area with good signal. */
  shares: ReadonlyMap<string, number> | null;
  municipalityName: (id: string) => string;
  pollutant: Pollutant | 'all';
}

interface MapDetailsProps {
  selection: Selection;
  moment: MapMoment;
  context: DetailsContext;
  onClose: () => void;
}

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

/** What is known about the selection: a site, sensor, municipality, corridor, QKD link or alert place. */
export function MapDetails({ selection, moment, context, onClose }: MapDetailsProps) {
  const t = useT();
  const panel = useDetailsClose<HTMLElement>(onClose, formatTarget(selection)!);
  return (
    <section
      ref={panel}
      className="map-details"
      aria-label={t('map.details.region', { name: selection.name })}
    >
      <div className="map-details__header">
        <h2>{selection.name}</h2>
        <button type="button" className="button" onClick={onClose}>
          {t('map.details.close')}
        </button>
      </div>
      <Facts selection={selection} moment={moment} context={context} />
    </section>
  );
}

function Facts({ selection, moment, context }: Omit<MapDetailsProps, 'onClose'>) {
  const t = useT();
  if (selection.missing)
    return <p>{t(selection.kind === 'alert-place' ? 'map.details.noAlertsHere' : 'map.details.missing')}</p>;
  switch (selection.kind) {
    case 'site':
      return <SiteFacts site={selection.site} municipalityName={context.municipalityName} />;
    case 'sensor':
      return <SensorFacts sensor={selection.sensor} moment={moment} context={context} />;
    case 'municipality': {
      const { municipality } = selection;
      return (
        <dl className="details">
          <dt>{t('map.details.population')}</dt>
          <dd>{formatNumber(municipality.population)}</dd>
          <dt>{t('map.details.area')}</dt>
          <dd>{formatNumber(municipality.areaKm2, 1)} km²</dd>
          <dt>{t('map.details.position')}</dt>
          <dd>{t(municipality.peripheral ? 'map.details.peripheral' : 'map.details.central')}</dd>
          <dt>{t('map.details.goodSignalArea')}</dt>
          <dd>{formatPercent(context.shares?.get(municipality.id))}</dd>
          <dt>{t('map.layer.sites')}</dt>
          <dd>{context.sites?.filter((s) => s.municipalityId === municipality.id).length ?? '—'}</dd>
        </dl>
      );
    }
    case 'corridor': {
      const status =
        context.sensors &&
        moment.readings &&
        corridorStatuses(
          [selection.corridor],
          sensorRows(context.sensors, moment.readings, 'traffic', moment.atMs),
        )[0];
      return status ? <CorridorFacts status={status} timeNote={moment.note} /> : <Missing />;
    }
    case 'qkd-link':
      return <QkdLinkFacts link={selection.link} />;
    case 'alert-place':
      return <AlertPlaceFacts place={selection.place} />;
  }
}

const CORRIDOR_KIND: Record<CorridorStatus['corridor']['kind'], MessageKey> = {
  motorway: 'map.corridor.motorway',
  ring: 'map.corridor.ring',
  arterial: 'map.corridor.arterial',
};

function CorridorFacts({ status, timeNote }: { status: CorridorStatus; timeNote?: string }) {
  const { corridor } = status;
  const search = useUrlSearch();
  const t = useT();
  const forecast = keepGlobalParams(search, { sel: formatTarget({ kind: 'corridor', id: corridor.id })! });
  return (
    <>
      {timeNote && <p className="map-details__time">{timeNote}</p>}
      <dl className="details">
        <dt>{t('map.details.kind')}</dt>
        <dd>{t(CORRIDOR_KIND[corridor.kind])}</dd>
        <dt>{t('map.details.freeFlowSpeed')}</dt>
        <dd>{formatNumber(corridor.freeFlowKmh)} km/h</dd>
        <dt>{t('map.details.meanSpeed')}</dt>
        <dd>
          {status.meanSpeedKmh === null ? '—' : `${formatNumber(status.meanSpeedKmh)} km/h`} ·{' '}
          {t(CONGESTION_LABEL_KEYS[congestionLevel(status.speedRatio)])}
        </dd>
        <dt>{t('map.details.sensorsReporting')}</dt>
        <dd>{t('map.details.reportingOf', { reporting: status.reporting, sensors: status.sensors })}</dd>
      </dl>
      <Link className="button" to={{ pathname: '/mobility', search: forecast }}>
        {t('map.details.corridorForecast')}
      </Link>
    </>
  );
}

function Missing() {
  const t = useT();
  return <p>{t('map.details.missing')}</p>;
}

function SiteFacts({ site, municipalityName }: { site: Site; municipalityName: (id: string) => string }) {
  const t = useT();
  const latency = siteLatency(site);
  return (
    <dl className="details">
      <dt>{t('map.details.status')}</dt>
      <dd>
        <Badge tone={SITE_STATUS_TONE[site.status]} label={t(SITE_STATUS_KEYS[site.status])} />
      </dd>
      <dt>{t('map.details.municipality')}</dt>
      <dd>{municipalityName(site.municipalityId)}</dd>
      <dt>{t('map.details.operator')}</dt>
      <dd>{site.operator}</dd>
      <dt>{t('map.details.bands')}</dt>
      <dd>{site.bands.map((b) => `${b} (${t(BAND_FREQUENCY[b])})`).join(', ')}</dd>
      <dt>{t('map.details.throughput')}</dt>
      <dd>
        {t('map.details.throughputValue', {
          down: formatNumber(site.throughputDlMbps),
          up: formatNumber(site.throughputUlMbps),
        })}
      </dd>
      <dt>{t('map.details.latency')}</dt>
      <dd>{latency === null ? '—' : `${latency} ms`}</dd>
      <dt>{t('map.details.load')}</dt>
      <dd>{formatPercent(site.load)}</dd>
      <dt>{t('map.details.devices')}</dt>
      <dd>{formatNumber(site.connectedDevices)}</dd>
      <dt>{t('map.details.leaseRevenue')}</dt>
      <dd>{t('map.details.perYear', { amount: formatEuro(site.leaseRevenueEurPerYear) })}</dd>
      <dt>{t('map.details.lastReport')}</dt>
      <dd>{formatDateTime(Date.parse(site.dateLastValueReported))}</dd>
    </dl>
  );
}

/** A predicted value as its median with the 80 % interval. */
const withRange = (q: Quantiles | undefined, format: (v: number) => string) =>
  q ? `${format(q.p50)} (p10–p90 ${format(q.p10)}–${format(q.p90)})` : null;

function SensorFacts({
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
            <dd>{formatNumber(reading.relativeHumidity)} %</dd>
            <dt>{t('map.details.wind')}</dt>
            <dd>{formatNumber(reading.windSpeed, 1)} m/s</dd>
          </>
        )}
      </dl>
      <SensorHistory sensorId={sensor.id} metric={history.metric} label={history.label} />
    </>
  );
}
