import type { Alert, AlertPatch } from '../../api/schemas/security';
import { Badge } from '../../components/ui/badge';
import { ALERT_STATUS_LABEL, SEVERITY_LABEL, SEVERITY_TONE } from '../../components/ui/tones';
import { formatDateTime } from '../../lib/format';
import { useUiStore } from '../../store/ui-store';
import { AlertActions } from './alert-actions';

const ACTION_LABEL = { created: 'Created', status: 'Status', assigned: 'Assigned', note: 'Note' } as const;

interface AlertDetailsProps {
  alert: Alert | undefined;
  /** False on a public screen: the alert is shown, not worked. */
  canAct: boolean;
  placeName: string;
  assignees: readonly string[];
  operator: string;
  busy: boolean;
  onChange: (patch: Omit<AlertPatch, 'actor'>) => void;
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
  const operatorNamed = useUiStore((s) => s.operatorNamed);
  return (
    <section className="subpanel" aria-label="Selected alert">
      <div className="subpanel__header">
        <h3>{alert ? `${alert.category} · ${alert.subCategory}` : 'Selected alert'}</h3>
        <button type="button" className="button" onClick={onClose}>
          Close details
        </button>
      </div>
      {!alert ? (
        <p className="panel__message">This alert is no longer in the list.</p>
      ) : (
        <>
          <dl className="details">
            <dt>Severity</dt>
            <dd>
              <Badge tone={SEVERITY_TONE[alert.severity]} label={SEVERITY_LABEL[alert.severity]} />
            </dd>
            <dt>Status</dt>
            <dd>{ALERT_STATUS_LABEL[alert.status]}</dd>
            <dt>Description</dt>
            <dd>{alert.description}</dd>
            <dt>Source</dt>
            <dd>{alert.source}</dd>
            <dt>Place</dt>
            <dd>
              {placeName || '—'}{' '}
              {onShowOnMap && (
                <button type="button" className="button" onClick={onShowOnMap}>
                  Show on the map
                </button>
              )}
            </dd>
            <dt>Issued</dt>
            <dd>{formatDateTime(Date.parse(alert.dateIssued))}</dd>
            <dt>Assignee</dt>
            <dd>{alert.assignee ?? 'Unassigned'}</dd>
          </dl>
          {canAct && (
            <>
              <label className="filters">
                Acting as{' '}
                <input
                  defaultValue={triage.operator}
                  onBlur={(e) => operatorNamed(e.target.value)}
                  autoComplete="name"
                />
              </label>
              <AlertActions alert={alert} {...triage} />
            </>
          )}
          <h4>Audit trail</h4>
          <ol className="audit">
            {alert.audit.map((entry, i) => (
              <li key={i}>
                <time dateTime={entry.at}>{formatDateTime(Date.parse(entry.at))}</time> · {entry.actor} ·{' '}
                {ACTION_LABEL[entry.action]}
                {entry.from || entry.to ? `: ${entry.from ?? '—'} → ${entry.to ?? '—'}` : ''}
                {entry.note ? ` — ${entry.note}` : ''}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
