import { alertsQuery, qkdLinksQuery } from '../../api/queries/security';
import { SEVERITIES, type Alert, type QkdLink } from '../../api/schemas/security';
import { Badge } from '../../components/ui/badge';
import { FitList } from '../../components/ui/fit-list';
import { QueryPanel } from '../../components/ui/panel';
import { StatGrid, StatTile } from '../../components/ui/stat-tile';
import { SEVERITY_KEYS, SEVERITY_TONE } from '../../components/ui/tones';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useNow } from '../../hooks/use-now';
import { useT } from '../../i18n/use-t';
import { isActive } from '../../lib/alert-places';
import { formatAge, formatNumber } from '../../lib/format';
import { QKD_STATE_LABEL, QKD_TONE } from './qkd-states';

/** Active alerts worst first: the most severe, then the longest waiting. */
export function alertsWorstFirst(items: readonly Alert[]): Alert[] {
  return items
    .filter(isActive)
    .sort(
      (a, b) =>
        SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) ||
        Date.parse(a.dateIssued) - Date.parse(b.dateIssued),
    );
}

const QKD_RANK = { down: 0, degraded: 1, up: 2 } as const;

/** QKD links worst first: down, degraded, then the nearest to their QBER alarm. */
export function linksWorstFirst(items: readonly QkdLink[]): QkdLink[] {
  return [...items].sort(
    (a, b) =>
      QKD_RANK[a.state] - QKD_RANK[b.state] ||
      b.qberPercent / b.qberAlarmPercent - a.qberPercent / a.qberAlarmPercent,
  );
}

/** Security on a wall: active alerts by severity and worst first, and the QKD links worst first. */
export function SecurityWall() {
  const t = useT();
  const alertsOptions = alertsQuery();
  const alerts = useLiveQuery(alertsOptions);
  const linksOptions = qkdLinksQuery();
  const links = useLiveQuery(linksOptions);
  const now = useNow(5000);

  return (
    <div className="view view--wall">
      <h1 className="visually-hidden">{t('view.security')}</h1>
      <QueryPanel
        title={t('alerts.title')}
        query={alerts}
        options={alertsOptions}
        className="panel--fill panel--major"
      >
        {({ items }) => {
          const active = alertsWorstFirst(items);
          return (
            <>
              <StatGrid>
                {(['critical', 'high'] as const).map((severity) => {
                  const n = active.filter((a) => a.severity === severity).length;
                  return (
                    <StatTile
                      key={severity}
                      label={t('alerts.activeOfSeverity', { severity: t(SEVERITY_KEYS[severity]) })}
                      value={n}
                      tone={n ? 'bad' : 'good'}
                    />
                  );
                })}
                <StatTile label={t('alerts.activeAll')} value={active.length} />
              </StatGrid>
              {active.length === 0 ? (
                <p className="panel__message">{t('alerts.noneActive')}</p>
              ) : (
                <FitList
                  label={t('alerts.activeWorstFirst')}
                  items={active}
                  itemKey={(a) => a.id}
                  tone={(a) => SEVERITY_TONE[a.severity]}
                  render={(a) => (
                    <>
                      <Badge tone={SEVERITY_TONE[a.severity]} label={t(SEVERITY_KEYS[a.severity])} />{' '}
                      {formatAge(now - Date.parse(a.dateIssued))} ·{' '}
                      <strong>
                        {a.category} · {a.subCategory}
                      </strong>{' '}
                      · {a.source}
                    </>
                  )}
                />
              )}
            </>
          );
        }}
      </QueryPanel>
      <QueryPanel
        title={t('qkd.links.title')}
        query={links}
        options={linksOptions}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage={t('qkd.links.empty')}
        className="panel--fill"
      >
        {({ items }) => (
          <FitList
            label={t('qkd.links.worstFirst')}
            items={linksWorstFirst(items)}
            itemKey={(l) => l.id}
            tone={(l) => QKD_TONE[l.state]}
            render={(l) => (
              <>
                <Badge tone={QKD_TONE[l.state]} label={t(QKD_STATE_LABEL[l.state])} />{' '}
                {t('qkd.qberShort', {
                  qber: formatNumber(l.qberPercent, 2),
                  alarm: formatNumber(l.qberAlarmPercent),
                })}{' '}
                · <strong>{l.name}</strong>
              </>
            )}
          />
        )}
      </QueryPanel>
    </div>
  );
}
