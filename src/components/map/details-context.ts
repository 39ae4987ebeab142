import type { Pollutant, SensorPrediction } from '../../api/schemas/forecasts';
import type { Device, Facility } from '../../api/schemas/health';
import type { Site } from '../../api/schemas/network';
import type { Reading, Sensor } from '../../api/schemas/sensors';

/** The readings the map shows, at its time. */
export interface MapMoment {
  readings: ReadonlyMap<string, Reading> | undefined;
  /** When the readings were observed, or the instant predicted. */
  atMs: number;
  /** Set when the map shows a predicted time: each sensor's forecast with its interval. */
  predictions: ReadonlyMap<string, SensorPrediction> | undefined;
  /** Set when the map is not live: what time its readings are, in words. */
  note: string | undefined;
}

/** What the details draw on besides the selection itself. */
export interface DetailsContext {
  sites: readonly Site[] | undefined;
  sensors: readonly Sensor[] | undefined;
  /** Each municipality's share of area covered by 5G. */
  shares: ReadonlyMap<string, number> | null;
  municipalityName: (id: string) => string;
  pollutant: Pollutant | 'all';
  facilities: readonly Facility[] | undefined;
  devicesAt: ReadonlyMap<string, readonly Device[]>;
}
