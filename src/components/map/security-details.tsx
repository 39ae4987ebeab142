import { Link } from 'react-router';
import type { QkdLink } from '../../api/schemas/security';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/use-t';
import type { PlaceWithAlerts } from '../../lib/alert-places';
import { formatDateTime, formatNumber } from '../../lib/format';
import { keepGlobalParams } from '../../lib/global-params';
import { Badge } from '../ui/badge';
import type { Tone } from '../ui/stat-tile';
import { ALERT_STATUS_KEYS, SEVERITY_KEYS, SEVERITY_TONE } from '../ui/tones';
import { useUrlSearch } from '../../hooks/url-state';

const QKD_STATE: Record<QkdLink['state'], { tone: Tone; label: MessageKey }> = {
  up: { tone: 'good', label: 'map.qkd.up' },
  degraded: { tone: 'warning', label: 'map.qkd.degraded' },
  down: { tone: 'bad', label: 'map.qkd.down' },
};

/** A QKD link's health, and the way to its history in the Security view. */
export function QkdLinkFacts({ link }: { link: QkdLink }) {
  const search = useUrlSearch();
  const t = useT();
  const state = QKD_STATE[link.state];
  return (
    <>
      <dl className="details">
        <dt>{t('map.qkd.state')}</dt>
        <dd>
          <Badge tone={state.tone} label={t(state.label)} />
        </dd>
        <dt>{t('map.qkd.between')}</dt>
        <dd>{t('map.qkd.endpoints', { a: link.endpoints[0].name, b: link.endpoints[1].name })}</dd>
        <dt>QBER</dt>
        <dd>
          {t('map.qkd.qber', {
            qber: formatNumber(link.qberPercent, 2),
            alarm: formatNumber(link.qberAlarmPercent),
          })}
        </dd>
        <dt>{t('qkd.secretKeyRate')}</dt>
        <dd>{formatNumber(link.secretKeyRateKbps, 2)} kbit/s</dd>
        <dt>{t('qkd.storedKeys')}</dt>
        <dd>
          {t('map.qkd.stored', {
            stored: formatNumber(link.storedKeysKbit),
            use: formatNumber(link.consumptionKbps, 1),
          })}
        </dd>
        <dt>{t('map.details.lastReport')}</dt>
        <dd>{formatDateTime(Date.parse(link.dateLastValueReported))}</dd>
      </dl>
      <Link
        className="button"
        to={{ pathname: '/security', search: keepGlobalParams(search, { link: link.id }) }}
      >
        {t('map.qkd.history')}
      </Link>
    </>
  );
}

/** The open alerts at one place, each a way into its triage. */
export function AlertPlaceFacts({ place }: { place: PlaceWithAlerts }) {
  const search = useUrlSearch();
  const t = useT();
  return (
    <ul className="details-list" aria-label={t('map.alerts.at', { place: place.name })}>
      {place.alerts.map((alert) => (
        <li key={alert.id}>
          <Badge tone={SEVERITY_TONE[alert.severity]} label={t(SEVERITY_KEYS[alert.severity])} />{' '}
          <Link to={{ pathname: '/security', search: keepGlobalParams(search, { alert: alert.id }) }}>
            {alert.category} · {alert.subCategory}
          </Link>{' '}
          {t('map.alerts.statusIssued', {
            status: t(ALERT_STATUS_KEYS[alert.status]),
            time: formatDateTime(Date.parse(alert.dateIssued)),
          })}
        </li>
      ))}
    </ul>
  );
}
