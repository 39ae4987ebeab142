import { Link } from 'react-router';
import type { Device, Facility, PathHop } from '../../api/schemas/health';
import { useUrlSearch } from '../../hooks/url-state';
import { useT } from '../../i18n/use-t';
import { formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { keepGlobalParams } from '../../lib/global-params';
import { pathProtection, protectedShare } from '../../lib/health';
import { formatTarget } from '../../lib/selection';
import { Badge } from '../ui/badge';
import { DEVICE_CATEGORY_KEYS, DEVICE_STATE_KEYS, DEVICE_STATE_TONE, FACILITY_KIND_KEYS } from '../ui/tones';

/** A link that opens a device in the Health view: its details, history and path. */
function DeviceLink({ device }: { device: Device }) {
  const search = useUrlSearch();
  return (
    <Link
      to={{
        pathname: '/health',
        search: keepGlobalParams(search, { sel: formatTarget({ kind: 'device', id: device.id })! }),
      }}
    >
      {device.name}
    </Link>
  );
}

/** A facility: its kind and place, and its devices with their states, each a way into its details. */
export function FacilityFacts({
  facility,
  devices,
  municipalityName,
}: {
  facility: Facility;
  devices: readonly Device[];
  municipalityName: (id: string) => string;
}) {
  const t = useT();
  return (
    <>
      <dl className="details">
        <dt>{t('map.details.kind')}</dt>
        <dd>{t(FACILITY_KIND_KEYS[facility.kind])}</dd>
        <dt>{t('map.details.municipality')}</dt>
        <dd>{municipalityName(facility.municipalityId)}</dd>
      </dl>
      {devices.length === 0 ? (
        <p>{t('map.facility.noDevices')}</p>
      ) : (
        <ul className="details-list" aria-label={t('map.facility.devicesAt', { name: facility.name })}>
          {devices.map((d) => (
            <li key={d.id}>
              <Badge tone={DEVICE_STATE_TONE[d.deviceState]} label={t(DEVICE_STATE_KEYS[d.deviceState])} />{' '}
              <DeviceLink device={d} /> · {t(DEVICE_CATEGORY_KEYS[d.category])}
              {d.classicalFallback && <> · {t('health.fallbackShort')}</>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A hop of a device's path in words: what it crosses and how it is encrypted. */
function HopProtection({ hop }: { hop: PathHop }) {
  const t = useT();
  if (hop.kind === 'site') return <Badge tone="neutral" label={t('health.path.radio')} />;
  return hop.qkdProtected ? (
    <Badge tone="good" label={t('health.path.qkd')} />
  ) : (
    <Badge tone="warning" label={t('health.path.classical')} />
  );
}

/** A device's data path, hop by hop from the device to the metropolitan data centre. */
function DevicePath({ device }: { device: Device }) {
  const t = useT();
  return (
    <ol className="details-list" aria-label={t('health.path.of', { name: device.name })}>
      {device.path.map((hop, i) => (
        <li key={i}>
          <HopProtection hop={hop} /> {hop.name}
        </li>
      ))}
    </ol>
  );
}

/** A device now: its state, today's exams and data, and how its data travels. */
export function DeviceFacts({
  device,
  facility,
  municipalityName,
}: {
  device: Device;
  facility: Facility | undefined;
  municipalityName: (id: string) => string;
}) {
  const t = useT();
  const share = protectedShare(device);
  return (
    <>
      {device.classicalFallback && <p className="map-details__warning">{t('health.fallbackNow')}</p>}
      {pathProtection(device) === 'partial' && <p>{t('health.path.partialNote')}</p>}
      <dl className="details">
        <dt>{t('map.details.status')}</dt>
        <dd>
          <Badge
            tone={DEVICE_STATE_TONE[device.deviceState]}
            label={t(DEVICE_STATE_KEYS[device.deviceState])}
          />
        </dd>
        <dt>{t('health.category')}</dt>
        <dd>{t(DEVICE_CATEGORY_KEYS[device.category])}</dd>
        <dt>{t('health.facility')}</dt>
        <dd>
          {facility?.name ?? device.facilityId} · {municipalityName(device.municipalityId)}
        </dd>
        <dt>{t('health.examsToday')}</dt>
        <dd>
          {t('health.examsAgainstTypical', {
            exams: formatNumber(device.examsToday),
            typical: formatNumber(device.examsTypicalByNow, 1),
          })}
        </dd>
        <dt>{t('health.dataToday')}</dt>
        <dd>
          {t('health.dataProtected', {
            sent: formatNumber(device.dataSentTodayMB, 1),
            share: share === null ? '—' : formatPercent(share),
          })}
        </dd>
        <dt>{t('map.details.lastReport')}</dt>
        <dd>{formatDateTime(Date.parse(device.dateLastValueReported))}</dd>
      </dl>
      <h3>{t('health.path.title')}</h3>
      <DevicePath device={device} />
    </>
  );
}
