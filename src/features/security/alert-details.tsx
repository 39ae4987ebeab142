import {
  ALERT_STATUSES,
  type Alert,
  type AlertPatch,
  type AlertStatus,
  type AuditEntry,
} from '../../api/schemas/security';
import { Badge } from '../../components/ui/badge';
import { useDetailsClose } from '../../components/ui/use-details-close';
import { ALERT_STATUS_KEYS, SEVERITY_KEYS, SEVERITY_TONE } from '../../components/ui/tones';
import type { MessageKey } from '../../i18n/catalogue';
import type { Translate } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import { AlertActions } from './alert-actions';

const ACTION_LABEL: Record<AuditEntry['action'], MessageKey> = {
  created: 'alerts.audit.created',
  status: 'alerts.audit.status',
  assigned: 'alerts.audit.assigned',
  note: 'alerts.audit.note',
};
/** A status as the audit trail writes it (in English, the status's own code). */
const AUDIT_STATUS: Record<AlertStatus, MessageKey> = {
  open: 'alerts.audit.open',
  acknowledged: 'alerts.audit.acknowledged',
  in_progress: 'alerts.audit.inProgress',
  resolved: 'alerts.audit.resolved',
  closed: 'alerts.audit.closed',
};
const isStatus = (value: string): value is AlertStatus =>
  (ALERT_STATUSES as readonly string[]).includes(value);

/** One end of a change: a status in words, or an assignee's name as given. */
function auditValue(entry: AuditEntry, value: string | null, t: Translate): string {
  if (value === null) return '—';
  const isStatusChange = entry.action === 'created' || entry.action === 'status';
  return isStatusChange && isStatus(value) ? t(AUDIT_STATUS[value]) : value;
}

interface AlertDetailsProps {
  alert: Alert | undefined;
  /** False on a public screen, or for whoever may not triage: the alert is shown, not worked. */
  canAct: boolean;
  placeName: string;
  assignees: readonly string[];
  /** Who is signed in: the API records the change under that name. */
  operator: string;
  busy: boolean;
  onChange: (patch: AlertPatch) => void;
  onShowOnMap: (() => void) | undefined;
  onClose: () => void;
}

/** One alert: what it is, its triage, and its audit trail (who did what, when). */
export function AlertDetails({
  alert,
  canAct,
  placeName,
  onShowOnMap,
  onClose,
  ...triage
}: AlertDetailsProps) {
  const t = useT();
  const panel = useDetailsClose<HTMLElement>(onClose, alert?.id ?? '');
  return (
    <section ref={panel} className="subpanel" aria-label={t('alerts.selected')}>
      <div className="subpanel__header">
        <h3>{alert ? `${alert.category} · ${alert.subCategory}` : t('alerts.selected')}</h3>
        <button type="button" className="button" onClick={onClose}>
          {t('alerts.closeDetails')}
        </button>
      </div>
      {!alert ? (
        <p className="panel__message">{t('alerts.goneFromList')}</p>
      ) : (
        <>
          <dl className="details">
            <dt>{t('alerts.field.severity')}</dt>
            <dd>
              <Badge tone={SEVERITY_TONE[alert.severity]} label={t(SEVERITY_KEYS[alert.severity])} />
            </dd>
            <dt>{t('alerts.field.status')}</dt>
            <dd>{t(ALERT_STATUS_KEYS[alert.status])}</dd>
            <dt>{t('alerts.field.description')}</dt>
            <dd>{alert.description}</dd>
            <dt>{t('alerts.field.source')}</dt>
            <dd>{alert.source}</dd>
            <dt>{t('alerts.field.place')}</dt>
            <dd>
              {placeName || '—'}{' '}
              {onShowOnMap && (
                <button type="button" className="button" onClick={onShowOnMap}>
                  {t('alerts.showOnMap')}
                </button>
              )}
            </dd>
            <dt>{t('alerts.field.issued')}</dt>
            <dd>{formatDateTime(Date.parse(alert.dateIssued))}</dd>
            <dt>{t('alerts.field.assignee')}</dt>
            <dd>{alert.assignee ?? t('alerts.unassigned')}</dd>
          </dl>
          {canAct && (
            <>
              <p className="filters">
                {t('alerts.actingAs')} <strong>{triage.operator}</strong>
              </p>
              <AlertActions alert={alert} {...triage} />
            </>
          )}
          <h4>{t('alerts.auditTrail')}</h4>
          <ol className="audit">
            {alert.audit.map((entry, i) => (
              <li key={i}>
                <time dateTime={entry.at}>{formatDateTime(Date.parse(entry.at))}</time> · {entry.actor} ·{' '}
                {t(ACTION_LABEL[entry.action])}
                {entry.from || entry.to
                  ? `: ${auditValue(entry, entry.from, t)} → ${auditValue(entry, entry.to, t)}`
                  : ''}
                {entry.note ? ` — ${entry.note}` : ''}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
