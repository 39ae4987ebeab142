import { useId, useState } from 'react';
import type { Alert, AlertPatch, AlertStatus } from '../../api/schemas/security';
import { ALERT_TRANSITIONS, transitionNeedsNote } from '../../lib/alert-status';
import { AssigneeField } from './assignee-field';

/** What each move is called on its button. */
export const TRANSITION_LABEL: Record<AlertStatus, string> = {
  acknowledged: 'Acknowledge',
  in_progress: 'Start work',
  resolved: 'Resolve',
  closed: 'Close',
  open: 'Reopen',
};

interface AlertActionsProps {
  alert: Alert;
  /** People alerts have been assigned to, offered as suggestions. */
  assignees: readonly string[];
  operator: string;
  busy: boolean;
  onChange: (patch: Omit<AlertPatch, 'actor'>) => void;
}

/** Triage: the moves the status rules allow from here, assignment and notes. */
export function AlertActions({ alert, assignees, operator, busy, onChange }: AlertActionsProps) {
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState('');
  const ids = useId();
  const moves = ALERT_TRANSITIONS[alert.status];
  const noteMissing = note.trim() === '';

  return (
    <div className="alert-actions">
      <div className="filters" role="group" aria-label="Change status">
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
              {TRANSITION_LABEL[to]}
              {needsNote ? ' with the note' : ''}
            </button>
          );
        })}
      </div>
      <label className="alert-actions__note">
        Note
        <textarea value={note} rows={2} onChange={(e) => setNote(e.target.value)} />
      </label>
      <p className="panel__note" id={`${ids}-note-hint`}>
        {moves.some(transitionNeedsNote) ? 'Resolving needs a note saying what was done. ' : ''}A note goes
        with the next status change, or on its own with Add note.
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
          Add note
        </button>
        <AssigneeField label="Assign to" value={assignee} onChange={setAssignee} assignees={assignees} />
        <button
          type="button"
          className="button"
          disabled={busy || assignee.trim() === '' || assignee.trim() === alert.assignee}
          onClick={() => {
            onChange({ assignee: assignee.trim() });
            setAssignee('');
          }}
        >
          Assign
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || alert.assignee === operator}
          onClick={() => onChange({ assignee: operator })}
        >
          Assign to me ({operator})
        </button>
      </div>
    </div>
  );
}
