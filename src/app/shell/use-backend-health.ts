import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { useRefreshPaused } from '../../store/ui-store';
import { backendHealth, type BackendHealth, type Connection } from './backend-health';

/** Backend health, recomputed when the query cache changes; stable between changes. */
export function useBackendHealth(): BackendHealth {
  const cache = useQueryClient().getQueryCache();
  const snapshot = useRef<{ key: string; value: BackendHealth } | null>(null);
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const getSnapshot = useCallback(() => {
    const value = backendHealth(cache.getAll());
    const key = `${value.connection}|${value.oldestDataAt}|${value.failing}`;
    if (snapshot.current?.key !== key) snapshot.current = { key, value };
    return snapshot.current.value;
  }, [cache]);
  return useSyncExternalStore(subscribe, getSnapshot);
}

/**
 * When the backend answers again after being unreachable, every query that failed meanwhile is
 * asked again at once instead of at its own next poll (unless auto-refresh is paused).
 */
export function useRefetchWhenBackendReturns(connection: Connection) {
  const client = useQueryClient();
  const paused = useRefreshPaused();
  const previous = useRef(connection);
  useEffect(() => {
    if (previous.current === 'unreachable' && connection !== 'unreachable' && !paused)
      void client.refetchQueries({ type: 'active', predicate: (query) => query.state.status === 'error' });
    previous.current = connection;
  }, [client, connection, paused]);
}
