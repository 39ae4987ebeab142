import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { sensorForecastsQuery } from '../../api/queries/forecasts';
import { readingsAtQuery } from '../../api/queries/sensors';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useNow } from '../../hooks/use-now';
import { predictedReadings, type PredictedReadings } from '../../lib/predicted-readings';
import type { LiveReadings } from '../../lib/sensors';
import { snapshotTime, timeMode, type TimeMode } from './map-time';

export interface MapSnapshot {
  mode: TimeMode;
  /** The instant shown, when not live. */
  atMs: number;
  readings: LiveReadings | undefined;
  /** Set in the future: each sensor's prediction with its interval, and the models behind them. */
  predicted: PredictedReadings | undefined;
  isPending: boolean;
  /** A newer time is being fetched while the previous one is drawn. */
  isFetching: boolean;
  error: Error | null;
}

/** The readings the map shows at an offset from now: observed in the past, predicted in the future. */
export function useMapSnapshot(offsetMin: number): MapSnapshot {
  const mode = timeMode(offsetMin);
  const atMs = snapshotTime(useNow(15_000), offsetMin);
  const at = new Date(atMs).toISOString();
  // While the next time loads, the last one stays up: the label names the time of what is drawn.
  const past = useQuery({
    ...readingsAtQuery(at),
    enabled: mode === 'past',
    placeholderData: keepPreviousData,
  });
  const future = useLiveQuery({
    ...sensorForecastsQuery(at),
    select: predictedReadings,
    enabled: mode === 'forecast',
    placeholderData: keepPreviousData,
  });
  const query = mode === 'past' ? past : future;
  return {
    mode,
    atMs,
    readings: mode === 'past' ? past.data : future.data,
    predicted: mode === 'forecast' ? future.data : undefined,
    isPending: mode !== 'live' && query.isPending,
    isFetching: mode !== 'live' && query.isFetching,
    error: mode !== 'live' ? query.error : null,
  };
}
