import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { API_PATHS } from '../paths';
import { coverageResponseSchema, sitesResponseSchema, type Band } from '../schemas/network';
import { REFRESH_MS } from './intervals';

export const networkKeys = {
  all: ['network'] as const,
  sites: () => [...networkKeys.all, 'sites'] as const,
  coverage: (band: Band) => [...networkKeys.all, 'coverage', { band }] as const,
};

export const sitesQuery = () =>
  queryOptions({
    queryKey: networkKeys.sites(),
    queryFn: ({ signal }) => apiRequest(API_PATHS.sites, sitesResponseSchema, { signal }),
    refetchInterval: REFRESH_MS.sites,
  });

export const coverageQuery = (band: Band) =>
  queryOptions({
    queryKey: networkKeys.coverage(band),
    queryFn: ({ signal }) =>
      apiRequest(API_PATHS.coverage, coverageResponseSchema, { signal, query: { band } }),
    refetchInterval: REFRESH_MS.coverage,
    structuralSharing: false,
  });
