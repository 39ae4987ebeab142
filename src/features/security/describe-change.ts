import type { UseMutationResult } from '@tanstack/react-query';
import type { AlertChange, AlertChangeResult } from '../../api/queries/security';
import type { Alert, AlertPatch } from '../../api/schemas/security';
import { describeError } from '../../components/ui/error-text';

const DONE: Record<NonNullable<AlertPatch['status']>, string> = {
  acknowledged: 'Acknowledged',
  in_progress: 'Work started on',
  resolved: 'Resolved',
  closed: 'Closed',
  open: 'Reopened',
};

const count = (n: number) => `${n} ${n === 1 ? 'alert' : 'alerts'}`;

/** What a change did, in words: the action, and each alert it could not change, with why. */
export function changeSentence(
  patch: AlertPatch,
  result: AlertChangeResult | undefined,
  error: unknown,
  alerts: readonly Alert[],
): string {
  const name = (id: string) => {
    const alert = alerts.find((a) => a.id === id);
    return alert ? `${alert.category} · ${alert.subCategory} (${id})` : id;
  };
  if (error) return `Nothing was saved: ${describeError(error)} The alerts are back as they were.`;
  if (!result) return '';
  const action = patch.status
    ? DONE[patch.status]
    : patch.assignee !== undefined
      ? `Assigned to ${patch.assignee ?? 'nobody'}:`
      : 'Note added to';
  const done = result.updated.length ? `${action} ${count(result.updated.length)}.` : '';
  const refused = result.failed.map((f) => `${name(f.id)} was not changed: ${describeError(f.error)}`);
  return [done, ...refused, refused.length ? 'It is back as it was.' : ''].filter(Boolean).join(' ');
}

export const describeChange = (
  change: UseMutationResult<AlertChangeResult, Error, AlertChange>,
  alerts: readonly Alert[],
) => (change.variables ? changeSentence(change.variables.patch, change.data, change.error, alerts) : '');
