import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import {
  airForecastsResponseSchema,
  trafficForecastsResponseSchema,
  type Pollutant,
} from '../schemas/forecasts';
import { REFRESH_MS } from './intervals';

export const forecastKeys = {
  all: ['forecasts'] as const,
  traffic: (corridorId: string | null) => [...forecastKeys.all, 'traffic', { corridorId }] as const,
  air: (pollutant: Pollutant, stationId: string | null) =>
    [...forecastKeys.all, 'air', { pollutant, stationId }] as const,
};

/** Traffic forecasts for one corridor, or for all corridors when `corridorId` is null. */
export const trafficForecastsQuery = (corridorId: string | null = null) =>
  queryOptions({
    queryKey: forecastKeys.traffic(corridorId),
    queryFn: ({ signal }) =>
      apiRequest('/forecasts/traffic', trafficForecastsResponseSchema, { signal, query: { corridorId } }),
    refetchInterval: REFRESH_MS.forecasts,
    structuralSharing: false,
  });

/** Air-quality forecast of a pollutant for one station, or for the metropolitan mean when `stationId` is null. */
export const airForecastsQuery = (pollutant: Pollutant, stationId: string | null = null) =>
  queryOptions({
    queryKey: forecastKeys.air(pollutant, stationId),
    queryFn: ({ signal }) =>
      apiRequest('/forecasts/air', airForecastsResponseSchema, { signal, query: { pollutant, stationId } }),
    refetchInterval: REFRESH_MS.forecasts,
    structuralSharing: false,
  });
