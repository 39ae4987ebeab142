import type {
  ForecastModel,
  PlaceTrafficForecast,
  SensorPrediction,
  TrafficForecast,
  TrafficPlace,
} from '../../src/api/schemas/forecasts';
import type { Sensor } from '../../src/api/schemas/sensors';
import type { World } from './build';
import { boundedCache } from './cache';
import { corridorTraffic, isCongested, sensorTraffic } from './dynamics';
import {
  forecastSteps,
  hindcast,
  iso,
  observations,
  quantiles,
  rollingAccuracy,
  type Predictor,
} from './predictor';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const TRAFFIC_MODEL: ForecastModel = {
  name: 'ST-GraphNet traffic speed',
  version: '2.3.1',
  trainedAt: '2026-10-02T03:00:00.000Z',
};

const TRAFFIC_STEP = 15 * MINUTE;
export const trafficIssuedAt = (nowMs: number) => Math.floor(nowMs / TRAFFIC_STEP) * TRAFFIC_STEP;
/**
 * Spread of the speed error, in km/h. A normal error's MAE is σ·√(2/π) ≈ 0.8 σ: about 4.6 km/h at
 * 15 minutes and 6 km/h at an hour, a little behind the best published models on METR-LA
 * (2.7 and 3.5 mph, 4.3 and 5.6 km/h), and no worse than a historical average (4.2 mph,
 * 6.7 km/h) however far ahead.
 */
const speedSigma = (h: number) => Math.min(8.5, 4.44 + 1.9 * Math.log1p(h / TRAFFIC_STEP));

/** A speed forecast in 15-minute steps for whatever `truth` measures, with its evidence. */
function trafficSeries(
  predictor: Predictor,
  freeFlowKmh: number,
  nowMs: number,
): Omit<TrafficForecast, 'corridorId'> {
  const issued = trafficIssuedAt(nowMs);
  return {
    freeFlowKmh,
    model: TRAFFIC_MODEL,
    issuedAt: iso(issued),
    unit: 'km/h',
    stepMinutes: 15,
    steps: forecastSteps(predictor, issued, TRAFFIC_STEP, 96),
    observed: observations(predictor, issued, TRAFFIC_STEP, 96),
    baseline: 'persistence',
    accuracy: rollingAccuracy(predictor, issued, [15, 60, 360, 1440], 2 * HOUR, 84),
    hindcast: hindcast(predictor, issued, TRAFFIC_STEP, 96, HOUR),
  };
}

/** A corridor's run is made once per issue time, as a model's is, and served until the next. */
const corridorRuns = boundedCache<TrafficForecast>(512);

export function trafficForecast(world: World, corridorId: string, nowMs: number): TrafficForecast {
  const predictor: Predictor = {
    key: `${world.seed}:traffic:${corridorId}`,
    truth: (t) => corridorTraffic(world, corridorId, t).speed,
    sigma: speedSigma,
  };
  return corridorRuns(`${predictor.key}:${trafficIssuedAt(nowMs)}`, () => ({
    corridorId,
    ...trafficSeries(predictor, world.corridorsById.get(corridorId)!.freeFlowKmh, nowMs),
  }));
}

/**
 * The mean speed of a municipality's traffic sensors, or one sensor's speed, forecast the same way;
 * null when the place has no traffic sensor.
 */
export function placeTrafficForecast(
  world: World,
  place: TrafficPlace,
  nowMs: number,
): PlaceTrafficForecast | null {
  const sensors = world.sensors.filter(
    (s) =>
      s.kind === 'traffic' && (place.kind === 'sensor' ? s.id === place.id : s.municipalityId === place.id),
  );
  if (sensors.length === 0) return null;
  const predictor: Predictor = {
    key: `${world.seed}:traffic:${place.kind}:${place.id}`,
    truth: (t) =>
      sensors.reduce((sum, s) => sum + sensorTraffic(world, s, t).averageVehicleSpeed, 0) / sensors.length,
    sigma: speedSigma,
  };
  const freeFlow =
    sensors.reduce((sum, s) => sum + (world.corridorsById.get(s.corridorId ?? '')?.freeFlowKmh ?? 60), 0) /
    sensors.length;
  return { place, ...trafficSeries(predictor, Math.round(freeFlow), nowMs) };
}

/** What the latest traffic run predicts a traffic sensor will read at `validMs`. */
export function trafficSensorPrediction(
  world: World,
  sensor: Sensor,
  nowMs: number,
  validMs: number,
): SensorPrediction {
  const issued = trafficIssuedAt(nowMs);
  const key = `${world.seed}:traffic-sensor:${sensor.id}`;
  const truth = (t: number) => sensorTraffic(world, sensor, t);
  const relative = (share: number) => (h: number, v: number) =>
    Math.max(0.01, v) * share * (1 + h / (12 * HOUR));
  const speed = quantiles(
    { key: `${key}:speed`, truth: (t) => truth(t).averageVehicleSpeed, sigma: speedSigma },
    issued,
    validMs,
  );
  const occupancy = quantiles(
    { key: `${key}:occupancy`, truth: (t) => truth(t).occupancy, sigma: relative(0.08) },
    issued,
    validMs,
    1,
  );
  const intensity = quantiles(
    { key: `${key}:intensity`, truth: (t) => truth(t).intensity, sigma: relative(0.06) },
    issued,
    validMs,
  );
  const freeFlow = world.corridorsById.get(sensor.corridorId ?? '')?.freeFlowKmh ?? 60;
  return {
    kind: 'traffic',
    sensorId: sensor.id,
    intensity,
    averageVehicleSpeed: speed,
    occupancy,
    congested: isCongested(speed.p50, occupancy.p50, freeFlow),
  };
}
