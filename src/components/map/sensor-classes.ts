import { POLLUTANTS, type Pollutant } from '../../api/schemas/forecasts';
import type { AirReading, Reading, TrafficReading } from '../../api/schemas/sensors';
import { eaqiBand, type EaqiBand } from '../../lib/eaqi';
import { congestionLevel, type CongestionLevel } from '../../lib/traffic';

/** The classes the map colours a sensor by: all that a new reading or the clock can change of it. */

/** The band of each pollutant of an air reading, in the order of POLLUTANTS. */
export const pollutantBands = (reading: AirReading): EaqiBand[] =>
  POLLUTANTS.map((pollutant: Pollutant) => eaqiBand(pollutant, reading[pollutant]));

/** A traffic reading's congestion: reported as congested, else its speed against free flow. */
export function trafficLevel(reading: TrafficReading, freeFlowKmh: number | undefined): CongestionLevel {
  const ratio = freeFlowKmh ? Math.min(1, reading.averageVehicleSpeed / freeFlowKmh) : null;
  return reading.congested ? 'congested' : congestionLevel(ratio);
}

const LEVELS: readonly CongestionLevel[] = ['free', 'busy', 'congested', 'unknown'];
/** Each class takes three bits of the code; a band is 1–6. */
const FIELD = 8;

/**
 * A sensor's classes as one number, so that an update can skip a sensor without building its
 * properties: two equal codes mean equal properties (for the same sensor). NaN, which equals
 * nothing, for a value the code cannot hold.
 */
export function sensorClassCode(
  reading: Reading | undefined,
  stale: boolean,
  freeFlowKmh: number | undefined,
): number {
  const flag = stale ? 1 : 0;
  if (reading?.kind === 'air') {
    let code = reading.airQualityIndex;
    if (!Number.isInteger(code) || code < 0 || code >= FIELD) return NaN;
    for (const pollutant of POLLUTANTS) code = code * FIELD + eaqiBand(pollutant, reading[pollutant]);
    return (code * 4 + 1) * 2 + flag;
  }
  if (reading?.kind === 'traffic') {
    return (LEVELS.indexOf(trafficLevel(reading, freeFlowKmh)) * 4 + 2) * 2 + flag;
  }
  return flag;
}
