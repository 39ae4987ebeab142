import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { lastAnsweredRequestSentAt } from '../../api/client';
import { RECHECK_AFTER_ERROR_MS } from '../../api/queries/intervals';
import { useRefreshPaused } from '../../store/ui-store';
import { backendHealth, type BackendHealth, type Connection } from './backend-health';

/**
 * Backend health, recomputed when the query cache changes and every second (silence counts too);
 * the same object while it stays the same.
 */
export function useBackendHealth(): BackendHealth {
  const cache = useQueryClient().getQueryCache();
  const [startedAt] = useState(() => Date.now());
  const snapshot = useRef<{ key: string; value: BackendHealth } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const unsubscribe = cache.subscribe(onChange);
      const tick = window.setInterval(onChange, 1000);
      return () => {
        unsubscribe();
        window.clearInterval(tick);
      };
    },
    [cache],
  );
  const getSnapshot = useCallback(() => {
    const value = backendHealth(cache.getAll(), Date.now(), startedAt);
    const key = `${value.connection}|${value.oldestDataAt}|${value.failing}`;
    if (snapshot.current?.key !== key) snapshot.current = { key, value };
    return snapshot.current.value;
  }, [cache, startedAt]);
  return useSyncExternalStore(subscribe, getSnapshot);
}

/**
 * When the backend answers again after being unreachable, every query that failed meanwhile is
 * asked again at once instead of at its own next poll (unless auto-refresh is paused). What failed
 * after the answered request was sent failed while the backend could be reached, on its own (an
 * endpoint that hangs, giving up as the answer comes): it keeps to its own schedule.
 */
export function useRefetchWhenBackendReturns(connection: Connection) {
  const client = useQueryClient();
  const paused = useRefreshPaused();
  const previous = useRef(connection);
  const lastRefetchAt = useRef(0);
  useEffect(() => {
    // At most once per recheck interval: a backend that comes and goes must not set off a storm.
    const due = Date.now() - lastRefetchAt.current >= RECHECK_AFTER_ERROR_MS;
    if (previous.current === 'unreachable' && connection !== 'unreachable' && !paused && due) {
      lastRefetchAt.current = Date.now();
      const reachableSince = lastAnsweredRequestSentAt();
      void client.refetchQueries({
        type: 'active',
        predicate: ({ state }) => state.status === 'error' && state.errorUpdatedAt < reachableSince,
      });
    }
    previous.current = connection;
  }, [client, connection, paused]);
}
