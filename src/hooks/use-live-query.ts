import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { useRefreshPaused } from '../store/ui-store';
import { RECHECK_AFTER_ERROR_MS } from '../api/queries/intervals';

/**
 * useQuery for data that is polled: polling stops while the user has paused auto-refresh, and a
 * query whose last fetch failed is asked again within RECHECK_AFTER_ERROR_MS.
 */
export function useLiveQuery<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  options: UseQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
) {
  const paused = useRefreshPaused();
  const interval = options.refetchInterval;
  return useQuery({
    ...options,
    refetchInterval: paused
      ? false
      : (query) => {
          const ms = typeof interval === 'function' ? interval(query) : interval;
          return typeof ms === 'number' && query.state.status === 'error'
            ? Math.min(ms, RECHECK_AFTER_ERROR_MS)
            : ms;
        },
  });
}
