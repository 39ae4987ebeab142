import type { z } from 'zod/mini';

export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'invalid-json' | 'validation';

/** Every failure of the API client: it names the endpoint and what went wrong. */
export abstract class ApiError extends Error {
  abstract readonly kind: ApiErrorKind;
  /** Whether trying again may help (a flaky network may; bad data will not). */
  abstract readonly retryable: boolean;

  constructor(
    readonly endpoint: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class HttpError extends ApiError {
  readonly kind = 'http';
  constructor(
    endpoint: string,
    readonly status: number,
    /** What the backend said was wrong, when it said so. */
    readonly reason?: string,
  ) {
    super(endpoint, `${endpoint} answered HTTP ${status}${reason ? `: ${reason}` : ''}`);
  }
  get retryable() {
    return this.status >= 500 || this.status === 429 || this.status === 408;
  }
}

export class NetworkError extends ApiError {
  readonly kind = 'network';
  readonly retryable = true;
  constructor(endpoint: string, cause: unknown) {
    super(endpoint, `${endpoint} could not be reached`, { cause });
  }
}

export class TimeoutError extends ApiError {
  readonly kind = 'timeout';
  readonly retryable = true;
  constructor(
    endpoint: string,
    readonly timeoutMs: number,
  ) {
    super(
      endpoint,
      `${endpoint} did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`,
    );
  }
}

export class InvalidJsonError extends ApiError {
  readonly kind = 'invalid-json';
  readonly retryable = false;
  constructor(endpoint: string, cause: unknown) {
    super(endpoint, `${endpoint} sent a response that is not valid JSON`, { cause });
  }
}

export class ValidationError extends ApiError {
  readonly kind = 'validation';
  readonly retryable = false;
  /** Path of the first failing field, e.g. "items.3.location.1". */
  readonly fieldPath: string;

  constructor(
    endpoint: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    const first = issues[0];
    const fieldPath = first && first.path.length > 0 ? first.path.join('.') : '(root)';
    super(endpoint, `${endpoint} sent invalid data at ${fieldPath}: ${first?.message ?? 'unknown issue'}`);
    this.fieldPath = fieldPath;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Errors that mean the backend itself is out of reach, not that one answer was wrong. */
export function isUnreachable(error: unknown): boolean {
  return (
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    (error instanceof HttpError && (error.status === 502 || error.status === 503 || error.status === 504))
  );
}
