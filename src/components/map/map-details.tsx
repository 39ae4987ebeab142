import { Link, useLocation } from 'react-router';
import type { Pollutant, Quantiles, SensorPrediction } from '../../api/schemas/forecasts';
import type { Site } from '../../api/schemas/network';
import type { QkdLink } from '../../api/schemas/security';
import type { PlaceWithAlerts } from '../../lib/alert-places';
import type { Reading, Sensor } from '../../api/schemas/sensors';
import type { Municipality } from '../../api/schemas/territory';
import { useNow } from '../../hooks/use-now';
import { EAQI_LABELS, eaqiBand, eaqiLevel, POLLUTANT_LABELS } from '../../lib/eaqi';
import { formatAge, formatDateTime, formatEuro, formatNumber, formatPercent } from '../../lib/format';
import { keepGlobalParams } from '../../lib/global-params';
import { isSensorStale } from '../../lib/sensors';
import { CONGESTION_LABELS, congestionLevel, type CorridorStatus } from '../../lib/traffic';
import { POLLUTANTS } from '../../api/schemas/forecasts';
import { Badge } from '../ui/badge';
import { eaqiTone, SITE_STATUS_LABEL, SITE_STATUS_TONE } from '../ui/tones';
import type { MapTarget } from './map-view';
import { AlertPlaceFacts, QkdLinkFacts } from './security-details';
import { SensorHistory } from './sensor-history';

interface MapDetailsProps {
  target: MapTarget;
  site?: Site;
  sensor?: Sensor;
  reading?: Reading;
  /** Set when the map shows a predicted time: the sensor's forecast with its interval. */
  prediction?: SensorPrediction;
  /** Set when the map is not live: what time its readings are, in words, and that instant. */
  timeView?: { note: string; atMs: number };
  municipality?: Municipality;
  /** A corridor with its traffic at the map's time. */
  corridor?: CorridorStatus;
  qkdLink?: QkdLink;
  alertPlace?: PlaceWithAlerts;
  municipalityName: (id: string) => string;
  coverageShare?: number;
  sitesInMunicipality?: number;
  pollutant: Pollutant | 'all';
  onClose: () => void;
}

const KIND_LABEL = {
  traffic: 'Traffic sensor',
  air: 'Air-quality station',
  noise: 'Noise sensor',
  weather: 'Weather station',
};
const HISTORY_METRIC = {
  traffic: { metric: 'averageVehicleSpeed', label: 'Average speed' },
  noise: { metric: 'laeq', label: 'Noise level' },
  weather: { metric: 'temperature', label: 'Temperature' },
} as const;

/** What is known about the selected site, sensor or municipality. */
export function MapDetails(props: MapDetailsProps) {
  const { target, onClose } = props;
  const title =
    props.site?.name ??
    props.sensor?.name ??
    props.municipality?.name ??
    props.corridor?.corridor.name ??
    props.qkdLink?.name ??
    props.alertPlace?.name ??
    target.id;
  return (
    <section className="map-details" aria-label={`Details: ${title}`}>
      <div className="map-details__header">
        <h2>{title}</h2>
        <button type="button" className="button" onClick={onClose}>
          Close details
        </button>
      </div>
      {target.kind === 'site' &&
        (props.site ? (
          <SiteFacts site={props.site} municipalityName={props.municipalityName} />
        ) : (
          <Missing />
        ))}
      {target.kind === 'sensor' &&
        (props.sensor ? <SensorFacts {...props} sensor={props.sensor} /> : <Missing />)}
      {target.kind === 'municipality' &&
        (props.municipality ? (
          <dl className="details">
            <dt>Population</dt>
            <dd>{formatNumber(props.municipality.population)}</dd>
            <dt>Area</dt>
            <dd>{formatNumber(props.municipality.areaKm2, 1)} km²</dd>
            <dt>Position</dt>
            <dd>{props.municipality.peripheral ? 'Peripheral' : 'Central'}</dd>
            <dt>Area with good 5G signal</dt>
            <dd>{formatPercent(props.coverageShare)}</dd>
            <dt>5G sites</dt>
            <dd>{props.sitesInMunicipality ?? '—'}</dd>
          </dl>
        ) : (
          <Missing />
        ))}
      {target.kind === 'corridor' &&
        (props.corridor ? (
          <CorridorFacts status={props.corridor} timeNote={props.timeView?.note} />
        ) : (
          <Missing />
        ))}
      {target.kind === 'qkd-link' && (props.qkdLink ? <QkdLinkFacts link={props.qkdLink} /> : <Missing />)}
      {target.kind === 'alert-place' &&
        (props.alertPlace ? (
          <AlertPlaceFacts place={props.alertPlace} />
        ) : (
          <p>No open alerts here any more.</p>
        ))}
    </section>
  );
}

const CORRIDOR_KIND = { motorway: 'Motorway', ring: 'Ring road', arterial: 'Arterial road' } as const;

function CorridorFacts({ status, timeNote }: { status: CorridorStatus; timeNote?: string }) {
  const { corridor } = status;
  const { search } = useLocation();
  const forecast = keepGlobalParams(search, { corridor: corridor.id, sel: `corridor:${corridor.id}` });
  return (
    <>
      {timeNote && <p className="map-details__time">{timeNote}</p>}
      <dl className="details">
        <dt>Kind</dt>
        <dd>{CORRIDOR_KIND[corridor.kind]}</dd>
        <dt>Free-flow speed</dt>
        <dd>{formatNumber(corridor.freeFlowKmh)} km/h</dd>
        <dt>Mean speed</dt>
        <dd>
          {status.meanSpeedKmh === null ? '—' : `${formatNumber(status.meanSpeedKmh)} km/h`} ·{' '}
          {CONGESTION_LABELS[congestionLevel(status.speedRatio)]}
        </dd>
        <dt>Sensors reporting</dt>
        <dd>
          {status.reporting} of {status.sensors}
        </dd>
      </dl>
      <Link className="button" to={{ pathname: '/mobility', search: forecast }}>
        Forecast for this corridor
      </Link>
    </>
  );
}

const Missing = () => <p>It is not in the current data.</p>;

function SiteFacts({ site, municipalityName }: { site: Site; municipalityName: (id: string) => string }) {
  return (
    <dl className="details">
      <dt>Status</dt>
      <dd>
        <Badge tone={SITE_STATUS_TONE[site.status]} label={SITE_STATUS_LABEL[site.status]} />
      </dd>
      <dt>Municipality</dt>
      <dd>{municipalityName(site.municipalityId)}</dd>
      <dt>Operator</dt>
      <dd>{site.operator}</dd>
      <dt>Bands</dt>
      <dd>{site.bands.map((b) => (b === 'n78' ? 'n78 (3.5 GHz)' : 'n258 (26 GHz)')).join(', ')}</dd>
      <dt>Throughput</dt>
      <dd>
        {formatNumber(site.throughputDlMbps)} Mbit/s down, {formatNumber(site.throughputUlMbps)} up
      </dd>
      <dt>Latency</dt>
      <dd>{formatNumber(site.latencyMs, 1)} ms</dd>
      <dt>Load</dt>
      <dd>{formatPercent(site.load)}</dd>
      <dt>Devices</dt>
      <dd>{formatNumber(site.connectedDevices)}</dd>
      <dt>Lease revenue</dt>
      <dd>{formatEuro(site.leaseRevenueEurPerYear)} per year</dd>
      <dt>Last report</dt>
      <dd>{formatDateTime(Date.parse(site.dateLastValueReported))}</dd>
    </dl>
  );
}

/** A predicted value as its median with the 80 % interval. */
const withRange = (q: Quantiles | undefined, format: (v: number) => string) =>
  q ? `${format(q.p50)} (p10–p90 ${format(q.p10)}–${format(q.p90)})` : null;

function SensorFacts({
  sensor,
  reading,
  prediction,
  timeView,
  municipalityName,
  pollutant,
}: MapDetailsProps & { sensor: Sensor }) {
  const clock = useNow(5000);
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
      : HISTORY_METRIC[sensor.kind];
  return (
    <>
      {timeView && <p className="map-details__time">{timeView.note}</p>}
      <dl className="details">
        <dt>Kind</dt>
        <dd>{KIND_LABEL[sensor.kind]}</dd>
        <dt>Municipality</dt>
        <dd>{municipalityName(sensor.municipalityId)}</dd>
        <dt>{predicted ? 'Predicted for' : stale ? 'Last seen' : 'Observed'}</dt>
        <dd>
          {seen === null
            ? timeView
              ? 'No value for this time'
              : 'Never'
            : `${formatDateTime(seen)}${timeView ? '' : ` (${formatAge(now - seen)})`}`}
          {stale && <Badge tone="warning" label="Not reporting" />}
        </dd>
        {reading?.kind === 'air' && (
          <>
            <dt>Air quality (EAQI{predicted ? ', of the medians' : ''})</dt>
            <dd>
              <Badge
                tone={eaqiTone(reading.airQualityIndex)}
                label={`${reading.airQualityIndex} · ${EAQI_LABELS[reading.airQualityLevel]}`}
              />
            </dd>
            {POLLUTANTS.map((p) => (
              <div key={p} className="details__pair">
                <dt>{POLLUTANT_LABELS[p]}</dt>
                <dd>
                  {range(p, (v) => formatNumber(v, 1)) ?? formatNumber(reading[p], 1)} µg/m³ ·{' '}
                  {EAQI_LABELS[eaqiLevel(eaqiBand(p, reading[p]))]}
                </dd>
              </div>
            ))}
          </>
        )}
        {reading?.kind === 'traffic' && (
          <>
            <dt>Intensity</dt>
            <dd>
              {range('intensity', (v) => formatNumber(v)) ?? formatNumber(reading.intensity)} vehicles/h
            </dd>
            <dt>Average speed</dt>
            <dd>
              {range('averageVehicleSpeed', (v) => formatNumber(v)) ??
                formatNumber(reading.averageVehicleSpeed)}{' '}
              km/h
            </dd>
            <dt>Occupancy</dt>
            <dd>{range('occupancy', (v) => formatPercent(v)) ?? formatPercent(reading.occupancy)}</dd>
            <dt>Congested</dt>
            <dd>
              {reading.congested ? 'Yes' : 'No'}
              {predicted && ' (on the median)'}
            </dd>
          </>
        )}
        {reading?.kind === 'noise' && (
          <>
            <dt>Noise level</dt>
            <dd>{formatNumber(reading.laeq, 1)} dB(A)</dd>
          </>
        )}
        {reading?.kind === 'weather' && (
          <>
            <dt>Temperature</dt>
            <dd>{formatNumber(reading.temperature, 1)} °C</dd>
            <dt>Humidity</dt>
            <dd>{formatNumber(reading.relativeHumidity)} %</dd>
            <dt>Wind</dt>
            <dd>{formatNumber(reading.windSpeed, 1)} m/s</dd>
          </>
        )}
      </dl>
      <SensorHistory sensorId={sensor.id} metric={history.metric} label={history.label} />
    </>
  );
}
