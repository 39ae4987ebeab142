import type { Query } from '@tanstack/react-query';
import { isUnreachable } from '../../api/errors';
import { REFRESH_MS } from '../../api/queries/intervals';

export type Connection = 'connecting' | 'connected' | 'degraded' | 'unreachable';

export interface BackendHealth {
  connection: Connection;
  /** When the oldest data on screen was fetched, or null before any arrived. */
  oldestDataAt: number | null;
  failing: number;
}

/**
 * How long the backend must have answered nothing before the screen calls it unreachable: two
 * polls of the live readings. Alerts are polled on every screen twice as often, so endpoints
 * failing while the others still answer read as degraded.
 */
export const UNREACHABLE_AFTER_SILENCE_MS = 2 * REFRESH_MS.readings;

/**
 * The state of the backend as the queries on screen see it at `now`, on a screen watching since
 * `startedAt`. Unreachable when every failing query failed to reach it and nothing has been
 * fetched since the first of those failures (queries that refresh rarely still hold older data,
 * which says nothing of the backend now) nor for UNREACHABLE_AFTER_SILENCE_MS; degraded when
 * some fail.
 */
export function backendHealth(queries: readonly Query[], now: number, startedAt = 0): BackendHealth {
  const active = queries.filter((q) => q.getObserversCount() > 0);
  let oldestDataAt: number | null = null;
  let failing = 0;
  let unreachable = 0;
  let answered = 0;
  let lastAnswerAt = 0;
  let firstUnreachableAt = Infinity;
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
    lastAnswerAt < firstUnreachableAt &&
    now - Math.max(lastAnswerAt, startedAt) >= UNREACHABLE_AFTER_SILENCE_MS
  )
    connection = 'unreachable';
  else if (failing > 0) connection = 'degraded';
  return { connection, oldestDataAt, failing };
}
