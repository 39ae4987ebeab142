import { Link, useLocation } from 'react-router';
import { alertsQuery, redactedAlertsSelect } from '../../api/queries/security';
import type { Alert } from '../../api/schemas/security';
import { useLiveQuery } from '../../api/use-live-query';
import { useRedaction } from '../../hooks/use-redaction';
import { formatTime } from '../../lib/format';
import { keepGlobalParams } from '../../lib/global-params';

const describe = (a: Alert) =>
  `${a.category} · ${a.subCategory}, issued ${formatTime(Date.parse(a.dateIssued))}`;

/**
 * Critical alerts nobody has acknowledged yet, on every view: a compact banner linking to them,
 * and the newest announced to assistive technology as it arrives.
 */
export function CriticalAlerts() {
  const redact = useRedaction();
  const alerts = useLiveQuery({ ...alertsQuery(), select: redact ? redactedAlertsSelect : undefined });
  const { search } = useLocation();
  const waiting = (alerts.data?.items ?? [])
    .filter((a) => a.severity === 'critical' && a.status === 'open')
    .sort((a, b) => Date.parse(b.dateIssued) - Date.parse(a.dateIssued));
  const newest = waiting[0];
  const to =
    waiting.length === 1
      ? keepGlobalParams(search, { alert: newest!.id })
      : keepGlobalParams(search, { severity: 'critical', status: 'open' });
  return (
    <>
      {/* Always in the page, so a change of its text is announced. */}
      <p className="visually-hidden" aria-live="assertive">
        {newest ? `Critical alert: ${describe(newest)}.` : ''}
      </p>
      {newest && (
        <section className="banner banner--critical" aria-label="Critical alerts">
          <strong>
            {waiting.length === 1 ? 'Critical alert' : `${waiting.length} critical alerts`} not yet
            acknowledged:
          </strong>{' '}
          {describe(newest)}
          {waiting.length > 1 ? ' (newest)' : ''}.{' '}
          <Link to={{ pathname: '/security', search: to }}>
            {waiting.length === 1 ? 'Open it' : 'Review them'}
          </Link>
        </section>
      )}
    </>
  );
}
