import type { Query } from '@tanstack/react-query';
import { isUnreachable } from '../../api/errors';

export type Connection = 'connecting' | 'connected' | 'degraded' | 'unreachable';

export interface BackendHealth {
  connection: Connection;
  /** When the oldest data on screen was fetched, or null before any arrived. */
  oldestDataAt: number | null;
  failing: number;
}

/**
 * The state of the backend as the queries on screen see it. Unreachable when every failing query
 * failed to reach it, nothing has been fetched since the first of those failures (queries that
 * refresh rarely still hold older data, which says nothing of the backend now), and either every
 * query on screen failed, or at least two did of which one had been answered before: endpoints
 * that never answered, or one failing alone, say little of the backend. Degraded when some fail.
 */
export function backendHealth(queries: readonly Query[]): BackendHealth {
  const active = queries.filter((q) => q.getObserversCount() > 0);
  let oldestDataAt: number | null = null;
  let failing = 0;
  let unreachable = 0;
  let answered = 0;
  let lastAnswerAt = 0;
  let firstUnreachableAt = Infinity;
  let answeredBefore = false;
  for (const query of active) {
    const { dataUpdatedAt, status, error, errorUpdatedAt } = query.state;
    if (dataUpdatedAt > 0)
      oldestDataAt = oldestDataAt === null ? dataUpdatedAt : Math.min(oldestDataAt, dataUpdatedAt);
    lastAnswerAt = Math.max(lastAnswerAt, dataUpdatedAt);
    const lastFailed = status === 'error' || errorUpdatedAt > dataUpdatedAt;
    if (lastFailed && error) {
      failing++;
      if (isUnreachable(error)) {
        unreachable++;
        firstUnreachableAt = Math.min(firstUnreachableAt, errorUpdatedAt);
        answeredBefore ||= dataUpdatedAt > 0;
      }
    } else if (dataUpdatedAt > 0) {
      answered++;
    }
  }
  let connection: Connection = 'connected';
  if (active.length > 0 && answered === 0 && failing === 0) connection = 'connecting';
  else if (
    failing > 0 &&
    unreachable === failing &&
    (unreachable === active.length || (unreachable >= 2 && answeredBefore)) &&
    lastAnswerAt < firstUnreachableAt
  )
    connection = 'unreachable';
  else if (failing > 0) connection = 'degraded';
  return { connection, oldestDataAt, failing };
}
