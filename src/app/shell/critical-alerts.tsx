import { Link } from 'react-router';
import { alertsQuery } from '../../api/queries/security';
import type { Alert } from '../../api/schemas/security';
import { useLiveQuery } from '../../hooks/use-live-query';
import type { Translate } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import { formatTime } from '../../lib/format';
import { keepGlobalParams } from '../../lib/global-params';
import { useUrlSearch } from '../../hooks/url-state';

const describe = (a: Alert, t: Translate) =>
  t('critical.describe', {
    category: a.category,
    subCategory: a.subCategory,
    time: formatTime(Date.parse(a.dateIssued)),
  });

/**
 * Critical alerts nobody has acknowledged yet, on every view: a compact banner linking to them,
 * and the newest announced to assistive technology as it arrives.
 */
export function CriticalAlerts() {
  const t = useT();
  const alerts = useLiveQuery(alertsQuery());
  const search = useUrlSearch();
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
        {newest ? t('critical.announce', { alert: describe(newest, t) }) : ''}
      </p>
      {newest && (
        <section className="banner banner--critical" aria-label={t('critical.region')}>
          <strong>{t('critical.waiting', { count: waiting.length })}</strong> {describe(newest, t)}
          {waiting.length > 1 ? ` ${t('critical.newest')}` : ''}.{' '}
          <Link to={{ pathname: '/security', search: to }}>
            {t(waiting.length === 1 ? 'critical.openIt' : 'critical.reviewThem')}
          </Link>
        </section>
      )}
    </>
  );
}
