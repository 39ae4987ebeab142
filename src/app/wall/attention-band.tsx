import { useState } from 'react';
import { devicesQuery, facilitiesQuery } from '../../api/queries/health';
import { alertsQuery, qkdLinksQuery } from '../../api/queries/security';
import { sitesQuery } from '../../api/queries/network';
import { readingsQuery, sensorsQuery } from '../../api/queries/sensors';
import { SEVERITY_KEYS } from '../../components/ui/tones';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useNow } from '../../hooks/use-now';
import type { Translate } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import { attentionItems, type AttentionItem } from '../../lib/attention';
import { POLLUTANT_LABELS } from '../../lib/eaqi';
import { formatAge, formatNumber, formatTime } from '../../lib/format';
import { namesItsFacility } from '../../lib/health';

const OVER = {
  limit: 'attention.overLimit',
  target: 'attention.overLimit',
  information: 'attention.overInformation',
  alert: 'attention.overAlert',
} as const;

/** As many as a wall reads at a glance, in two rows of two; beyond, three and the rest counted. */
const SHOWN = 4;

function describe(
  item: AttentionItem,
  now: number,
  facilityName: (id: string) => string,
  t: Translate,
): string {
  const age = formatAge(now - item.since);
  switch (item.kind) {
    case 'alert':
      return t('attention.alert', {
        severity: t(SEVERITY_KEYS[item.severity]),
        what: item.category,
        source: item.name,
        age,
      });
    case 'site-offline':
      return t('attention.siteOffline', { name: item.name, age });
    case 'station-over-limit':
      return t(OVER[item.limitKind], {
        name: item.name,
        pollutant: POLLUTANT_LABELS[item.pollutant],
        value: formatNumber(item.value),
        limit: formatNumber(item.limit),
        time: formatTime(item.since),
      });
    case 'qkd-link':
      return t(item.state === 'up' ? 'attention.qberOverAlarm' : `attention.qkd.${item.state}`, {
        name: item.name,
        age,
      });
    case 'device-fault': {
      const facility = facilityName(item.facilityId);
      return namesItsFacility(item.name, facility)
        ? t('attention.deviceFault', { name: item.name })
        : t('attention.deviceFaultAt', { name: item.name, facility });
    }
  }
}

/**
 * What needs a person now, worst first, on every wall view: active critical and high alerts, sites
 * offline, stations over an hourly EU limit or ozone threshold, QKD links in trouble, diagnostic
 * devices in fault. When nothing does, it says so.
 */
export function AttentionBand() {
  const t = useT();
  const now = useNow(5000);
  const alerts = useLiveQuery(alertsQuery());
  const sites = useLiveQuery(sitesQuery());
  const sensors = useLiveQuery(sensorsQuery());
  const readings = useLiveQuery(readingsQuery());
  const qkdLinks = useLiveQuery(qkdLinksQuery());
  const devices = useLiveQuery(devicesQuery());
  const facilities = useLiveQuery(facilitiesQuery());
  const loaded = [alerts, sites, sensors, readings, qkdLinks, devices].every((q) => q.data !== undefined);
  const facilityName = (id: string) => facilities.data?.items.find((f) => f.id === id)?.name ?? id;
  const items = attentionItems(
    {
      alerts: alerts.data?.items,
      sites: sites.data?.items,
      sensors: sensors.data?.items,
      readings: readings.data?.bySensor,
      qkdLinks: qkdLinks.data?.items,
      devices: devices.data?.items,
    },
    now,
  );
  // When the last item went, as this screen saw it; unknown while it has only ever been clear.
  const [clearSince, setClearSince] = useState<number | null>(null);
  const [hadItems, setHadItems] = useState(false);
  if (loaded && items.length > 0 && !hadItems) setHadItems(true);
  if (loaded && items.length > 0 && clearSince !== null) setClearSince(null);
  if (loaded && items.length === 0 && hadItems && clearSince === null) setClearSince(now);

  const shown = items.length > SHOWN ? SHOWN - 1 : SHOWN;

  return (
    <section className="attention-band" aria-label={t('attention.region')}>
      {!loaded ? (
        <p aria-busy="true">{t('attention.loading')}</p>
      ) : items.length === 0 ? (
        <p className="attention-band__clear">
          {clearSince === null
            ? t('attention.allClear')
            : t('attention.allClearSince', { time: formatTime(clearSince) })}
        </p>
      ) : (
        <ol className="attention-band__items">
          {items.slice(0, shown).map((item) => (
            <li key={item.key} className={`attention-band__item attention-band__item--${item.level}`}>
              {describe(item, now, facilityName, t)}
            </li>
          ))}
          {items.length > shown && (
            <li className="attention-band__more">{t('attention.more', { count: items.length - shown })}</li>
          )}
        </ol>
      )}
    </section>
  );
}
