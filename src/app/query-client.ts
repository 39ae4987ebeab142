import { QueryClient } from '@tanstack/react-query';
import { retryDelay, shouldRetry } from '../api/retry';

/**
 * Defaults for a screen that runs unattended: keep polling when hidden, retry only what may
 * recover. A component mounting later does not ask again for what just failed (its polls do).
 */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        retryOnMount: false,
        refetchIntervalInBackground: true,
        refetchOnWindowFocus: false,
        staleTime: 5_000,
      },
      mutations: { retry: false },
    },
  });
}
