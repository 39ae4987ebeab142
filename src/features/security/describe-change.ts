import type { UseMutationResult } from '@tanstack/react-query';
import type { AlertChange, AlertChangeResult } from '../../api/queries/security';
import type { Alert, AlertPatch } from '../../api/schemas/security';
import { describeError } from '../../components/ui/error-text';
import type { MessageKey } from '../../i18n/catalogue';
import type { Translate } from '../../i18n/i18n';

/** What a status change did, as a sentence taking the number of alerts. */
const DONE: Record<NonNullable<AlertPatch['status']>, MessageKey> = {
  acknowledged: 'alerts.done.acknowledged',
  in_progress: 'alerts.done.inProgress',
  resolved: 'alerts.done.resolved',
  closed: 'alerts.done.closed',
  open: 'alerts.done.open',
};

/** What a change did, in words: the action, and each alert it could not change, with why. */
export function changeSentence(
  patch: AlertPatch,
  result: AlertChangeResult | undefined,
  error: unknown,
  alertsById: ReadonlyMap<string, Alert>,
  t: Translate,
): string {
  const name = (id: string) => {
    const alert = alertsById.get(id);
    return alert ? `${alert.category} · ${alert.subCategory} (${id})` : id;
  };
  if (error) return t('alerts.nothingSaved', { error: describeError(error) });
  if (!result) return '';
  const count = result.updated.length;
  const done = !count
    ? ''
    : patch.status
      ? t(DONE[patch.status], { count })
      : patch.assignee !== undefined
        ? t('alerts.done.assigned', { count, assignee: patch.assignee ?? t('alerts.nobody') })
        : t('alerts.done.note', { count });
  const refused = result.failed.map((f) =>
    t('alerts.notChanged', { alert: name(f.id), error: describeError(f.error) }),
  );
  return [done, ...refused, refused.length ? t('alerts.backAsItWas') : ''].filter(Boolean).join(' ');
}

export const describeChange = (
  change: UseMutationResult<AlertChangeResult, Error, AlertChange>,
  alertsById: ReadonlyMap<string, Alert>,
  t: Translate,
) =>
  change.variables ? changeSentence(change.variables.patch, change.data, change.error, alertsById, t) : '';
