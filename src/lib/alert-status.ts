import type { AlertStatus } from '../api/schemas/security';

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
