import { isApiError } from './errors';

export const MAX_RETRIES = 2;

/** Retries only what may succeed next time: never bad data, never a client error. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  return isApiError(error) ? error.retryable : false;
}

/** Exponential backoff: 1 s, 2 s, 4 s … capped at 8 s. */
export function retryDelay(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 8000);
}
