import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../client';
import {
  alertSchema,
  alertsResponseSchema,
  qkdLinksResponseSchema,
  type AlertPatch,
} from '../schemas/security';
import { REFRESH_MS } from './intervals';

export const securityKeys = {
  all: ['security'] as const,
  alerts: () => [...securityKeys.all, 'alerts'] as const,
  qkdLinks: () => [...securityKeys.all, 'qkd-links'] as const,
};

export const alertsQuery = () =>
  queryOptions({
    queryKey: securityKeys.alerts(),
    queryFn: ({ signal }) => apiRequest('/security/alerts', alertsResponseSchema, { signal }),
    refetchInterval: REFRESH_MS.alerts,
  });

export const qkdLinksQuery = () =>
  queryOptions({
    queryKey: securityKeys.qkdLinks(),
    queryFn: ({ signal }) => apiRequest('/security/qkd-links', qkdLinksResponseSchema, { signal }),
    refetchInterval: REFRESH_MS.qkdLinks,
  });

export const patchAlert = (id: string, patch: AlertPatch) =>
  apiRequest(`/security/alerts/${encodeURIComponent(id)}`, alertSchema, { method: 'PATCH', body: patch });

/** Changes an alert and puts the backend's answer into the alerts list. */
export const updateAlertMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...securityKeys.alerts(), 'update'],
    mutationFn: ({ id, patch }: { id: string; patch: AlertPatch }) => patchAlert(id, patch),
    retry: false,
    onSuccess: (updated) => {
      queryClient.setQueryData(alertsQuery().queryKey, (current) =>
        current ? { items: current.items.map((a) => (a.id === updated.id ? updated : a)) } : current,
      );
    },
  });
