import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { API_PATHS, pathFor } from '../paths';
import { deviceSeriesSchema, devicesResponseSchema, facilitiesResponseSchema } from '../schemas/health';
import { REFRESH_MS } from './intervals';

export const healthKeys = {
  all: ['health'] as const,
  facilities: () => [...healthKeys.all, 'facilities'] as const,
  devices: () => [...healthKeys.all, 'devices'] as const,
  deviceSeries: (deviceId: string, hours: number) =>
    [...healthKeys.all, 'devices', 'series', { deviceId, hours }] as const,
};

/** Hospitals, community health houses and clinics: they change seldom. */
export const facilitiesQuery = () =>
  queryOptions({
    queryKey: healthKeys.facilities(),
    queryFn: ({ signal }) => apiRequest(API_PATHS['health-facilities'], facilitiesResponseSchema, { signal }),
    refetchInterval: REFRESH_MS.healthFacilities,
  });

/** Every diagnostic device with its state, today's exams and data, and the path of its data now. */
export const devicesQuery = () =>
  queryOptions({
    queryKey: healthKeys.devices(),
    queryFn: ({ signal }) => apiRequest(API_PATHS['health-devices'], devicesResponseSchema, { signal }),
    refetchInterval: REFRESH_MS.healthDevices,
  });

/** One device's exams, data sent and path protection over the last `hours`. */
export const deviceSeriesQuery = (deviceId: string, hours = 24) =>
  queryOptions({
    queryKey: healthKeys.deviceSeries(deviceId, hours),
    queryFn: ({ signal }) =>
      apiRequest(pathFor(API_PATHS['device-series'], deviceId), deviceSeriesSchema, {
        signal,
        query: { hours },
      }),
    refetchInterval: REFRESH_MS.deviceSeries,
    structuralSharing: false,
  });
