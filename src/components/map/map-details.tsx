import { Link } from 'react-router';
import type { Site } from '../../api/schemas/network';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/use-t';
import { bandName } from '../../lib/bands';
import { COVERED_THRESHOLD } from '../../lib/signal';
import { formatDateTime, formatEuro, formatNumber, formatPercent } from '../../lib/format';
import { keepGlobalParams } from '../../lib/global-params';
import { siteLatency } from '../../lib/site-latency';
import { formatTarget, type Selection } from '../../lib/selection';
import { sensorRows } from '../../lib/sensors';
import {
  CONGESTION_LABEL_KEYS,
  congestionLevel,
  corridorStatuses,
  type CorridorStatus,
} from '../../lib/traffic';
import { Badge } from '../ui/badge';
import { useDetailsClose } from '../ui/use-details-close';
import { SITE_STATUS_KEYS, SITE_STATUS_TONE } from '../ui/tones';
import { DeviceFacts, FacilityFacts } from './health-details';
import { AlertPlaceFacts, QkdLinkFacts } from './security-details';
import { useUrlSearch } from '../../hooks/url-state';
import type { DetailsContext, MapMoment } from './details-context';
import { SensorFacts } from './sensor-facts';

interface MapDetailsProps {
  selection: Selection;
  moment: MapMoment;
  context: DetailsContext;
  onClose: () => void;
}

/** What is known about the selection: a site, sensor, municipality, corridor, QKD link, alert place, facility or device. */
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
          <dt>{t('map.details.coveredArea', { threshold: COVERED_THRESHOLD })}</dt>
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
    case 'facility':
      return (
        <FacilityFacts
          facility={selection.facility}
          devices={context.devicesAt.get(selection.facility.id) ?? []}
          municipalityName={context.municipalityName}
        />
      );
    case 'device':
      return (
        <DeviceFacts
          device={selection.device}
          facility={context.facilities?.find((f) => f.id === selection.device.facilityId)}
          municipalityName={context.municipalityName}
        />
      );
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
      <dd>{site.bands.map((b) => bandName(b, t)).join(', ')}</dd>
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
