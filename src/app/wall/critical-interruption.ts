import type { Alert } from '../../api/schemas/security';

const isWaitingCritical = (a: Alert) => a.severity === 'critical' && a.status === 'open';

/** The open critical alerts of a list, by id: what a wall has already seen when it starts. */
export const waitingCriticalIds = (alerts: readonly Alert[]): ReadonlySet<string> =>
  new Set(alerts.filter(isWaitingCritical).map((a) => a.id));

/**
 * The critical alert that should interrupt the playlist: the newest open one that arrived after
 * the wall started (those already waiting then are in the banner) and was not dismissed here.
 */
export function interruptingAlert(
  alerts: readonly Alert[],
  seenAtStart: ReadonlySet<string>,
  dismissed: ReadonlySet<string>,
): Alert | null {
  let newest: Alert | null = null;
  for (const a of alerts) {
    if (!isWaitingCritical(a) || seenAtStart.has(a.id) || dismissed.has(a.id)) continue;
    if (!newest || Date.parse(a.dateIssued) > Date.parse(newest.dateIssued)) newest = a;
  }
  return newest;
}

/** `ids` with `id` added, keeping only ids still in the list, so the set never outgrows it. */
export function addPruned(
  ids: ReadonlySet<string>,
  id: string,
  alerts: readonly Alert[],
): ReadonlySet<string> {
  const present = new Set(alerts.map((a) => a.id));
  return new Set([...ids, id].filter((x) => present.has(x)));
}
