import { AUDIT_TRAIL_LIMIT } from '../api/access';
import type { Alert, AlertPatch, AlertStatus } from '../api/schemas/security';

/** Which status an alert may move to from each status; enforced by the UI and the backend alike. */
export const ALERT_TRANSITIONS: Record<AlertStatus, readonly AlertStatus[]> = {
  open: ['acknowledged', 'in_progress', 'resolved'],
  acknowledged: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

export function canTransition(from: AlertStatus, to: AlertStatus): boolean {
  return ALERT_TRANSITIONS[from].includes(to);
}

/** Resolving needs a note saying what was done. */
export function transitionNeedsNote(to: AlertStatus): boolean {
  return to === 'resolved';
}

export class AlertPatchRefused extends Error {}

/**
 * An alert as a PATCH by `actor` leaves it, with the audit entries it adds; refuses what the
 * status rules forbid and what would overfill the audit trail. The backend applies it, and the UI
 * applies it too to show the change before the answer.
 */
export function applyAlertPatch(current: Alert, patch: AlertPatch, actor: string, at: string): Alert {
  const next: Alert = { ...current, audit: [...current.audit] };
  if (patch.status !== undefined && patch.status !== current.status) {
    if (!canTransition(current.status, patch.status))
      throw new AlertPatchRefused(`cannot change an alert from ${current.status} to ${patch.status}`);
    if (transitionNeedsNote(patch.status) && !patch.note)
      throw new AlertPatchRefused(`a note is required to mark an alert ${patch.status}`);
    next.audit.push({
      at,
      actor,
      action: 'status',
      from: current.status,
      to: patch.status,
      note: patch.note ?? null,
    });
    next.status = patch.status;
  } else if (patch.note) {
    next.audit.push({ at, actor, action: 'note', from: null, to: null, note: patch.note });
  }
  if (patch.assignee !== undefined && patch.assignee !== current.assignee) {
    next.audit.push({
      at,
      actor,
      action: 'assigned',
      from: current.assignee,
      to: patch.assignee,
      note: null,
    });
    next.assignee = patch.assignee;
  }
  if (next.audit.length > AUDIT_TRAIL_LIMIT)
    throw new AlertPatchRefused(`this alert's audit trail is full (${AUDIT_TRAIL_LIMIT} entries)`);
  return next;
}
