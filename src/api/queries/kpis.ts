import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { API_PATHS } from '../paths';
import { kpisResponseSchema, type Period } from '../schemas/kpis';
import { REFRESH_MS } from './intervals';

export const kpiKeys = {
  all: ['kpis'] as const,
  period: (period: Period, lang: string) => [...kpiKeys.all, { period, lang }] as const,
};

/** The indicators of a period, labelled by the backend in the screen's language. */
export const kpisQuery = (period: Period, lang: string) =>
  queryOptions({
    queryKey: kpiKeys.period(period, lang),
    queryFn: ({ signal }) =>
      apiRequest(API_PATHS.kpis, kpisResponseSchema, { signal, query: { period, lang } }),
    refetchInterval: REFRESH_MS.kpis,
  });
