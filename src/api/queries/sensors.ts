import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { API_PATHS, pathFor } from '../paths';
import {
  readingsResponseSchema,
  seriesResponseSchema,
  sensorsResponseSchema,
  type SensorsResponse,
} from '../schemas/sensors';
import { REFRESH_MS } from './intervals';
import { selectWithIndex } from './select';
import { mergeReadings, type LiveReadings } from '../../lib/sensors';

export const sensorKeys = {
  all: ['sensors'] as const,
  inventory: () => [...sensorKeys.all, 'inventory'] as const,
  readings: () => [...sensorKeys.all, 'readings'] as const,
  readingsAt: (at: string) => [...sensorKeys.all, 'readings', { at }] as const,
  series: (sensorId: string, metric: string, hours: number) =>
    [...sensorKeys.all, 'series', { sensorId, metric, hours }] as const,
};

export const sensorsQuery = () =>
  queryOptions({
    queryKey: sensorKeys.inventory(),
    queryFn: ({ signal }) => apiRequest(API_PATHS.sensors, sensorsResponseSchema, { signal }),
    refetchInterval: REFRESH_MS.sensors,
    structuralSharing: false,
  });

/** `select`: the sensor inventory with each sensor by id. */
export const sensorsWithIndex = selectWithIndex((data: SensorsResponse) => data.items);

/**
 * Latest reading of every sensor. The first poll fetches all; each later one asks only for what
 * is newer than the last answer (`since=`) and folds it in, so a poll carries what changed.
 * Kept out of structural sharing: thousands of items per poll.
 */
export const readingsQuery = () =>
  queryOptions({
    queryKey: sensorKeys.readings(),
    queryFn: async ({ signal, client, queryKey }): Promise<LiveReadings> => {
      const previous = client.getQueryData<LiveReadings>(queryKey);
      const answer = await apiRequest(API_PATHS.readings, readingsResponseSchema, {
        signal,
        query: { since: previous?.generatedAt },
      });
      return mergeReadings(previous, answer);
    },
    refetchInterval: REFRESH_MS.readings,
    structuralSharing: false,
  });

/** Every sensor's reading as it stood at a past time: history does not change, so it is not polled. */
export const readingsAtQuery = (at: string) =>
  queryOptions({
    queryKey: sensorKeys.readingsAt(at),
    queryFn: async ({ signal }): Promise<LiveReadings> =>
      mergeReadings(
        undefined,
        await apiRequest(API_PATHS.readings, readingsResponseSchema, { signal, query: { at } }),
      ),
    staleTime: Infinity,
    // Scrubbing through a day visits many times: keep only the recent ones, and none on restart.
    gcTime: 60_000,
    meta: { lastKnown: false },
    structuralSharing: false,
  });

/** One sensor's history over the last `hours`; the window end is taken at fetch time, not in the key. */
export const seriesQuery = (sensorId: string, metric: string, hours = 24) =>
  queryOptions({
    queryKey: sensorKeys.series(sensorId, metric, hours),
    queryFn: ({ signal }) => {
      const to = new Date();
      const from = new Date(to.getTime() - hours * 3_600_000);
      return apiRequest(pathFor(API_PATHS.series, sensorId), seriesResponseSchema, {
        signal,
        query: { metric, from: from.toISOString(), to: to.toISOString() },
      });
    },
    refetchInterval: REFRESH_MS.series,
    structuralSharing: false,
  });
