import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { applyAlertPatch } from '../../lib/alert-status';
import { apiRequest } from '../client';
import { API_PATHS, pathFor } from '../paths';
import {
  alertSchema,
  alertsResponseSchema,
  qkdLinkSeriesSchema,
  qkdLinksResponseSchema,
  responseTimesSchema,
  type Alert,
  type AlertPatch,
  type AlertsResponse,
  type QkdLink,
  type ResponseTimePeriod,
} from '../schemas/security';
import { REFRESH_MS } from './intervals';
import { selectWithIndex } from './select';

export const securityKeys = {
  all: ['security'] as const,
  alerts: () => [...securityKeys.all, 'alerts'] as const,
  qkdLinks: () => [...securityKeys.all, 'qkd-links'] as const,
  qkdLinkSeries: (linkId: string, hours: number) =>
    [...securityKeys.all, 'qkd-links', 'series', { linkId, hours }] as const,
  responseTimes: (period: ResponseTimePeriod) => [...securityKeys.all, 'response-times', { period }] as const,
};

export const alertsQuery = () =>
  queryOptions({
    queryKey: securityKeys.alerts(),
    queryFn: ({ signal }) => apiRequest(API_PATHS.alerts, alertsResponseSchema, { signal }),
    refetchInterval: REFRESH_MS.alerts,
    // A critical interruption is raised by an answer of now, never by a screen's last-known state.
    meta: { lastKnown: false },
  });

export const qkdLinksQuery = () =>
  queryOptions({
    queryKey: securityKeys.qkdLinks(),
    queryFn: ({ signal }) => apiRequest(API_PATHS['qkd-links'], qkdLinksResponseSchema, { signal }),
    refetchInterval: REFRESH_MS.qkdLinks,
  });

/** One QKD link's QBER, key rate, key stock and consumption over the last `hours`. */
export const qkdLinkSeriesQuery = (linkId: string, hours = 24) =>
  queryOptions({
    queryKey: securityKeys.qkdLinkSeries(linkId, hours),
    queryFn: ({ signal }) =>
      apiRequest(pathFor(API_PATHS['qkd-series'], linkId), qkdLinkSeriesSchema, {
        signal,
        query: { hours },
      }),
    refetchInterval: REFRESH_MS.qkdSeries,
    structuralSharing: false,
  });

/** MTTA and MTTR by severity over the last day, week or month, beside the one before. */
export const responseTimesQuery = (period: ResponseTimePeriod) =>
  queryOptions({
    queryKey: securityKeys.responseTimes(period),
    queryFn: ({ signal }) =>
      apiRequest(API_PATHS['response-times'], responseTimesSchema, { signal, query: { period } }),
    refetchInterval: REFRESH_MS.responseTimes,
  });

/** `select` functions adding each alert or link by id. */
export const alertsWithIndex = selectWithIndex((data: AlertsResponse) => data.items);
export const qkdLinksWithIndex = selectWithIndex((data: { items: QkdLink[] }) => data.items);

export const patchAlert = (id: string, patch: AlertPatch) =>
  apiRequest(`${API_PATHS.alerts}/${encodeURIComponent(id)}`, alertSchema, { method: 'PATCH', body: patch });

export interface AlertChange {
  ids: readonly string[];
  patch: AlertPatch;
  /** Who is signed in, for the change shown before the answer; the API takes it from the token. */
  actor: string;
}

export interface AlertChangeResult {
  updated: Alert[];
  /** Alerts the backend refused to change or could not be reached for; their change is undone. */
  failed: { id: string; error: unknown }[];
}

type AlertsSnapshot = { items: Alert[] } | undefined;

/**
 * Changes one alert or a selection, optimistically: the change shows at once (by the same status
 * rules as the backend), the backend's answer replaces it, and what the backend refuses or never
 * hears of goes back to how it was.
 */
export const updateAlertsMutation = () =>
  mutationOptions({
    mutationKey: [...securityKeys.alerts(), 'update'],
    mutationFn: async ({ ids, patch }: AlertChange): Promise<AlertChangeResult> => {
      const settled = await Promise.allSettled(ids.map((id) => patchAlert(id, patch)));
      const result: AlertChangeResult = { updated: [], failed: [] };
      settled.forEach((outcome, i) => {
        if (outcome.status === 'fulfilled') result.updated.push(outcome.value);
        else result.failed.push({ id: ids[i]!, error: outcome.reason });
      });
      return result;
    },
    retry: false,
    onMutate: async ({ ids, patch, actor }, { client }) => {
      const key = alertsQuery().queryKey;
      // A poll landing now would overwrite the change with the state before it.
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData(key);
      const at = new Date().toISOString();
      client.setQueryData(key, (current) =>
        current
          ? {
              items: current.items.map((a) => {
                if (!ids.includes(a.id)) return a;
                try {
                  return applyAlertPatch(a, patch, actor, at);
                } catch {
                  return a;
                }
              }),
            }
          : current,
      );
      return { previous };
    },
    onSuccess: ({ updated, failed }, _change, context, { client }) => {
      const answered = new Map(updated.map((a) => [a.id, a]));
      const before = new Map(context.previous?.items.map((a) => [a.id, a]));
      const undone = new Set(failed.map((f) => f.id));
      client.setQueryData(alertsQuery().queryKey, (current) =>
        current
          ? {
              items: current.items.map(
                (a) => answered.get(a.id) ?? (undone.has(a.id) ? (before.get(a.id) ?? a) : a),
              ),
            }
          : current,
      );
    },
    onError: (_error, _change, context: { previous: AlertsSnapshot } | undefined, { client }) => {
      if (context?.previous) client.setQueryData(alertsQuery().queryKey, context.previous);
    },
    onSettled: (_result, _error, _change, _context, { client }) =>
      client.invalidateQueries({ queryKey: alertsQuery().queryKey }),
  });
