import type { Alert, AlertPatch } from '../../api/schemas/security';
import { useT } from '../../i18n/use-t';
import { canTransition } from '../../lib/alert-status';
import { AssignField } from './assign-field';

interface BulkActionsProps {
  picked: readonly Alert[];
  shown: readonly Alert[];
  assignees: readonly string[];
  busy: boolean;
  onPick: (ids: readonly string[]) => void;
  onApply: (ids: readonly string[], patch: AlertPatch) => void;
}

/** Acknowledge or assign a selection of alerts at once. */
export function BulkActions({ picked, shown, assignees, busy, onPick, onApply }: BulkActionsProps) {
  const t = useT();
  const acknowledgeable = picked.filter((a) => canTransition(a.status, 'acknowledged'));
  const ids = picked.map((a) => a.id);
  return (
    <div className="filters bulk-actions" role="group" aria-label={t('alerts.bulk.group')}>
      <span>
        {picked.length ? t('alerts.bulk.picked', { count: picked.length }) : t('alerts.bulk.nonePicked')}
      </span>
      <button
        type="button"
        className="button"
        disabled={shown.length === 0}
        onClick={() => onPick(shown.map((a) => a.id))}
      >
        {t('alerts.bulk.pickShown', { count: shown.length })}
      </button>
      <button type="button" className="button" disabled={picked.length === 0} onClick={() => onPick([])}>
        {t('alerts.bulk.clear')}
      </button>
      <button
        type="button"
        className="button"
        disabled={busy || acknowledgeable.length === 0}
        onClick={() =>
          onApply(
            acknowledgeable.map((a) => a.id),
            { status: 'acknowledged' },
          )
        }
      >
        {acknowledgeable.length < picked.length
          ? t('alerts.bulk.acknowledgeOpen', { count: acknowledgeable.length })
          : t('alerts.bulk.acknowledgePicked')}
      </button>
      <AssignField
        label={t('alerts.bulk.assignTo')}
        assignees={assignees}
        disabled={busy || picked.length === 0}
        onAssign={(assignee) => onApply(ids, { assignee })}
      />
    </div>
  );
}
