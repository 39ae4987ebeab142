import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { backendHealth, type BackendHealth } from './backend-health';

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
