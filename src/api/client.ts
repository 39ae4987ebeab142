import { en } from 'zod/locales';
import { z } from 'zod/mini';
import { PUBLIC_API_PREFIX } from './access';
import { apiConfig } from './config';
import { HttpError, InvalidJsonError, NetworkError, TimeoutError, ValidationError } from './errors';
import { apiSession } from './session';

// English issue messages (zod/mini ships none by default). Under the builds' Content-Security-
// Policy zod must not compile its parsers with `new Function` (nor probe whether it may).
const underCsp =
  typeof document !== 'undefined' &&
  document.querySelector('meta[http-equiv="Content-Security-Policy"]') !== null;
z.config({ ...en(), jitless: underCsp });

export interface RequestOptions {
  signal?: AbortSignal;
  method?: 'GET' | 'PATCH' | 'POST';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  timeoutMs?: number;
  baseUrl?: string;
}

function buildUrl(baseUrl: string, path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${baseUrl.replace(/\/$/, '')}${path}${search ? `?${search}` : ''}`;
}

/** When the newest request the backend answered was sent (Date.now()), or 0 before any answer. */
let answeredRequestSentAt = 0;

/**
 * The backend answered a request sent at this time (Date.now()), the newest such: it could be
 * reached from then on, so what failed since failed on its own (use-backend-health.ts).
 */
export const lastAnsweredRequestSentAt = () => answeredRequestSentAt;

/**
 * Fetches one API resource, as the session's identity and in its projection, and validates it
 * against its schema. Every failure becomes a typed ApiError; an abort by the caller is passed
 * through untouched so React Query can cancel.
 */
export async function apiRequest<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const {
    signal,
    method = 'GET',
    body,
    query,
    timeoutMs = apiConfig.timeoutMs,
    baseUrl = `${apiConfig.baseUrl.replace(/\/$/, '')}${apiSession.projection === 'public' ? PUBLIC_API_PREFIX : ''}`,
  } = options;
  const endpoint = `${method} ${path}`;
  try {
    await apiSession.ready;
  } catch (error) {
    throw new NetworkError(endpoint, error);
  }
  // Timed from when it is sent, not from when it waited for the backend to start.
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;

  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = apiSession.accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  const sentAt = Date.now();
  try {
    response = await fetch(buildUrl(baseUrl, path, query), {
      method,
      signal: combined,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) throw new TimeoutError(endpoint, timeoutMs);
    throw new NetworkError(endpoint, error);
  }

  if (response.ok) answeredRequestSentAt = Math.max(answeredRequestSentAt, sentAt);
  if (response.status === 401) apiSession.onUnauthorized();
  if (!response.ok) throw new HttpError(endpoint, response.status, await errorReason(response));

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) throw new TimeoutError(endpoint, timeoutMs);
    throw new NetworkError(endpoint, error);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidJsonError(endpoint, error);
  }

  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ValidationError(endpoint, parsed.error.issues);
  return parsed.data;
}

/** The reason an error answer gives (`{"error": "…"}`), kept short and as plain text. */
async function errorReason(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = JSON.parse(await response.text());
    const reason = (body as { error?: unknown } | null)?.error;
    return typeof reason === 'string' && reason.trim() ? reason.trim().slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}
