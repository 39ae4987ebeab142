import { useId, useState } from 'react';
import type { Alert, AlertPatch, AlertStatus } from '../../api/schemas/security';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/use-t';
import { ALERT_TRANSITIONS, transitionNeedsNote } from '../../lib/alert-status';
import { AssignField } from './assign-field';

/** What each move is called on its button. */
export const TRANSITION_LABEL: Record<AlertStatus, MessageKey> = {
  acknowledged: 'alerts.move.acknowledge',
  in_progress: 'alerts.move.startWork',
  resolved: 'alerts.move.resolve',
  closed: 'alerts.move.close',
  open: 'alerts.move.reopen',
};

interface AlertActionsProps {
  alert: Alert;
  /** People alerts have been assigned to, offered as suggestions. */
  assignees: readonly string[];
  operator: string;
  busy: boolean;
  onChange: (patch: AlertPatch) => void;
}

/** Triage: the moves the status rules allow from here, assignment and notes. */
export function AlertActions({ alert, assignees, operator, busy, onChange }: AlertActionsProps) {
  const [note, setNote] = useState('');
  const ids = useId();
  const t = useT();
  const moves = ALERT_TRANSITIONS[alert.status];
  const noteMissing = note.trim() === '';

  return (
    <div className="alert-actions">
      <div className="filters" role="group" aria-label={t('alerts.changeStatus')}>
        {moves.map((to) => {
          const needsNote = transitionNeedsNote(to);
          return (
            <button
              key={to}
              type="button"
              className="button"
              disabled={busy || (needsNote && noteMissing)}
              aria-describedby={needsNote ? `${ids}-note-hint` : undefined}
              onClick={() => {
                onChange({ status: to, ...(noteMissing ? {} : { note: note.trim() }) });
                setNote('');
              }}
            >
              {needsNote
                ? t('alerts.move.withNote', { move: t(TRANSITION_LABEL[to]) })
                : t(TRANSITION_LABEL[to])}
            </button>
          );
        })}
      </div>
      <label className="alert-actions__note">
        {t('alerts.note')}
        <textarea value={note} rows={2} onChange={(e) => setNote(e.target.value)} />
      </label>
      <p className="panel__note" id={`${ids}-note-hint`}>
        {moves.some(transitionNeedsNote) ? `${t('alerts.noteNeeded')} ` : ''}
        {t('alerts.noteHint')}
      </p>
      <div className="filters">
        <button
          type="button"
          className="button"
          disabled={busy || noteMissing}
          onClick={() => {
            onChange({ note: note.trim() });
            setNote('');
          }}
        >
          {t('alerts.addNote')}
        </button>
        <AssignField
          label={t('alerts.assignTo')}
          assignees={assignees}
          disabled={busy}
          assigned={alert.assignee}
          onAssign={(assignee) => onChange({ assignee })}
        />
        <button
          type="button"
          className="button"
          disabled={busy || alert.assignee === operator}
          onClick={() => onChange({ assignee: operator })}
        >
          {t('alerts.assignToMe', { operator })}
        </button>
      </div>
    </div>
  );
}
