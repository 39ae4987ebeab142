import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { useRefreshPaused } from '../store/ui-store';

/** useQuery that stops polling while the user has paused auto-refresh. */
export function useLiveQuery<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  options: UseQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
) {
  const paused = useRefreshPaused();
  return useQuery({ ...options, refetchInterval: paused ? false : options.refetchInterval });
}
