import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { kpisResponseSchema, type Period } from '../schemas/kpis';
import { REFRESH_MS } from './intervals';

export const kpiKeys = {
  all: ['kpis'] as const,
  period: (period: Period) => [...kpiKeys.all, { period }] as const,
};

export const kpisQuery = (period: Period) =>
  queryOptions({
    queryKey: kpiKeys.period(period),
    queryFn: ({ signal }) => apiRequest('/kpis', kpisResponseSchema, { signal, query: { period } }),
    refetchInterval: REFRESH_MS.kpis,
  });
