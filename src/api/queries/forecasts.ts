import { queryOptions, skipToken } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { API_PATHS } from '../paths';
import {
  airForecastsResponseSchema,
  dailyAirOutlookSchema,
  placeTrafficForecastSchema,
  sensorForecastsResponseSchema,
  trafficForecastsResponseSchema,
  type Pollutant,
  type TrafficPlace,
} from '../schemas/forecasts';
import { REFRESH_MS } from './intervals';

export const forecastKeys = {
  all: ['forecasts'] as const,
  traffic: (corridorId: string | null) => [...forecastKeys.all, 'traffic', { corridorId }] as const,
  air: (pollutant: Pollutant, stationId: string | null) =>
    [...forecastKeys.all, 'air', { pollutant, stationId }] as const,
  trafficPlace: (place: TrafficPlace | null) => [...forecastKeys.all, 'traffic', place] as const,
  sensors: (at: string) => [...forecastKeys.all, 'sensors', { at }] as const,
  airDaily: (pollutant: Pollutant) => [...forecastKeys.all, 'air-daily', { pollutant }] as const,
};

/** Traffic forecasts for one corridor, or for all corridors when `corridorId` is null. */
export const trafficForecastsQuery = (corridorId: string | null = null) =>
  queryOptions({
    queryKey: forecastKeys.traffic(corridorId),
    queryFn: ({ signal }) =>
      apiRequest(API_PATHS['traffic-forecasts'], trafficForecastsResponseSchema, {
        signal,
        query: { corridorId },
      }),
    refetchInterval: REFRESH_MS.forecasts,
    structuralSharing: false,
  });

/**
 * Traffic forecast for a municipality (its sensors' mean) or one traffic sensor. Nothing is asked
 * while there is no place (a corridor is forecast instead).
 */
export const placeTrafficForecastQuery = (place: TrafficPlace | null) =>
  queryOptions({
    queryKey: forecastKeys.trafficPlace(place),
    queryFn: place
      ? ({ signal }) =>
          apiRequest(`${API_PATHS['traffic-forecasts']}/place`, placeTrafficForecastSchema, {
            signal,
            query: place.kind === 'sensor' ? { sensorId: place.id } : { municipalityId: place.id },
          })
      : skipToken,
    refetchInterval: REFRESH_MS.forecasts,
    structuralSharing: false,
  });

/** Air-quality forecast of a pollutant for one station, or for the metropolitan mean when `stationId` is null. */
export const airForecastsQuery = (pollutant: Pollutant, stationId: string | null = null) =>
  queryOptions({
    queryKey: forecastKeys.air(pollutant, stationId),
    queryFn: ({ signal }) =>
      apiRequest(API_PATHS['air-forecasts'], airForecastsResponseSchema, {
        signal,
        query: { pollutant, stationId },
      }),
    refetchInterval: REFRESH_MS.forecasts,
    structuralSharing: false,
  });

/** What every traffic and air sensor is predicted to read at a future time. */
export const sensorForecastsQuery = (at: string) =>
  queryOptions({
    queryKey: forecastKeys.sensors(at),
    queryFn: ({ signal }) =>
      apiRequest(API_PATHS['sensor-forecasts'], sensorForecastsResponseSchema, { signal, query: { at } }),
    refetchInterval: REFRESH_MS.forecasts,
    gcTime: 60_000,
    structuralSharing: false,
  });

/** Each station's forecast daily mean of a pollutant, for the days the latest run covers. */
export const airDailyOutlookQuery = (pollutant: Pollutant) =>
  queryOptions({
    queryKey: forecastKeys.airDaily(pollutant),
    queryFn: ({ signal }) =>
      apiRequest(API_PATHS['air-outlook'], dailyAirOutlookSchema, { signal, query: { pollutant } }),
    refetchInterval: REFRESH_MS.forecasts,
    structuralSharing: false,
  });
