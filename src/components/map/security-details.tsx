import { Link, useLocation } from 'react-router';
import type { QkdLink } from '../../api/schemas/security';
import type { PlaceWithAlerts } from '../../lib/alert-places';
import { formatDateTime, formatNumber } from '../../lib/format';
import { keepGlobalParams } from '../../lib/global-params';
import { Badge } from '../ui/badge';
import { ALERT_STATUS_LABEL, SEVERITY_LABEL, SEVERITY_TONE } from '../ui/tones';

const QKD_STATE = {
  up: { tone: 'good', label: 'Up' },
  degraded: { tone: 'warning', label: 'Degraded: QBER above the alarm threshold' },
  down: { tone: 'bad', label: 'Down: no secure key' },
} as const;

/** A QKD link's health, and the way to its history in the Security view. */
export function QkdLinkFacts({ link }: { link: QkdLink }) {
  const { search } = useLocation();
  return (
    <>
      <dl className="details">
        <dt>State</dt>
        <dd>
          <Badge {...QKD_STATE[link.state]} />
        </dd>
        <dt>Between</dt>
        <dd>
          {link.endpoints[0].name} and {link.endpoints[1].name}
        </dd>
        <dt>QBER</dt>
        <dd>
          {formatNumber(link.qberPercent, 2)} % (alarm at {formatNumber(link.qberAlarmPercent)} %)
        </dd>
        <dt>Secret key rate</dt>
        <dd>{formatNumber(link.secretKeyRateKbps, 2)} kbit/s</dd>
        <dt>Stored keys</dt>
        <dd>
          {formatNumber(link.storedKeysKbit)} kbit, used at {formatNumber(link.consumptionKbps, 1)} kbit/s
        </dd>
        <dt>Last report</dt>
        <dd>{formatDateTime(Date.parse(link.dateLastValueReported))}</dd>
      </dl>
      <Link
        className="button"
        to={{ pathname: '/security', search: keepGlobalParams(search, { link: link.id }) }}
      >
        QBER history and key pool
      </Link>
    </>
  );
}

/** The open alerts at one place, each a way into its triage. */
export function AlertPlaceFacts({ place }: { place: PlaceWithAlerts }) {
  const { search } = useLocation();
  return (
    <ul className="details-list" aria-label={`Open alerts at ${place.name}`}>
      {place.alerts.map((alert) => (
        <li key={alert.id}>
          <Badge tone={SEVERITY_TONE[alert.severity]} label={SEVERITY_LABEL[alert.severity]} />{' '}
          <Link to={{ pathname: '/security', search: keepGlobalParams(search, { alert: alert.id }) }}>
            {alert.category} · {alert.subCategory}
          </Link>{' '}
          {ALERT_STATUS_LABEL[alert.status]}, issued {formatDateTime(Date.parse(alert.dateIssued))}
        </li>
      ))}
    </ul>
  );
}
