import { isApiError } from '../../api/errors';

/** A sentence an operator can act on, for any error a panel may meet. */
export function describeError(error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : 'Something went wrong.';
  switch (error.kind) {
    case 'network':
      return `The backend could not be reached (${error.endpoint}).`;
    case 'timeout':
      return `${error.message}.`;
    case 'http':
      return `The backend answered with an error: ${error.message}.`;
    case 'invalid-json':
    case 'validation':
      return `Invalid data: ${error.message}. It is not shown.`;
  }
}
