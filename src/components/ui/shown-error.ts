import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';

type ErrorState = Pick<
  UseQueryResult<unknown, unknown>,
  'data' | 'error' | 'isError' | 'isFetching' | 'errorUpdatedAt'
>;

/**
 * The error to show for a query: its own, or the one it last failed with while a query that never
 * had data is asked again (React Query clears that error until the attempt settles), so the screen
 * keeps saying what failed instead of going back to "loading" at every retry.
 */
export function useShownError(query: ErrorState): unknown {
  const [failure, setFailure] = useState<{ at: number; error: unknown } | null>(null);
  if (query.isError && query.error !== failure?.error)
    setFailure({ at: query.errorUpdatedAt, error: query.error });
  if (query.isError) return query.error;
  const retrying =
    query.data === undefined && failure !== null && failure.at === query.errorUpdatedAt && query.isFetching;
  return retrying ? failure.error : null;
}
