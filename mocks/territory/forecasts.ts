import {
  POLLUTANTS,
  type Accuracy,
  type AirForecast,
  type DailyAirOutlook,
  type ForecastModel,
  type Pollutant,
  type Quantiles,
  type SensorForecastsResponse,
  type SensorPrediction,
  type PlaceTrafficForecast,
  type TrafficForecast,
  type TrafficPlace,
} from '../../src/api/schemas/forecasts';
import type { Sensor } from '../../src/api/schemas/sensors';
import { eaqiIndex } from '../../src/lib/eaqi';
import type { World } from './build';
import { romeOffsetHours } from './clock';
import { airAt, corridorTraffic, isCongested, sensorTraffic } from './dynamics';
import { gauss } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const round2 = (v: number) => Math.round(v * 100) / 100;
const iso = (ms: number) => new Date(ms).toISOString();

export const TRAFFIC_MODEL: ForecastModel = {
  name: 'ST-GraphNet traffic speed',
  version: '2.3.1',
  trainedAt: '2026-10-02T03:00:00.000Z',
};
export const AIR_MODEL: ForecastModel = {
  name: 'AQ-Seq2Seq air quality',
  version: '1.8.0',
  trainedAt: '2026-09-14T03:00:00.000Z',
};

interface Predictor {
  /** What the simulation observes at a time. */
  truth: (timeMs: number) => number;
  /** Spread (standard deviation) of the model's error at a horizon. */
  sigma: (horizonMs: number, truth: number) => number;
  key: string;
}

/** The model's median for a target, as issued at `issuedMs`: the truth plus a horizon-scaled error. */
function median(p: Predictor, issuedMs: number, targetMs: number): number {
  const horizon = targetMs - issuedMs;
  const truth = p.truth(targetMs);
  return Math.max(0, truth + p.sigma(horizon, truth) * gauss(p.key, issuedMs, targetMs));
}

/** The median and the 80 % interval (p10–p90) for a target, as issued at `issuedMs`. */
function quantiles(p: Predictor, issuedMs: number, targetMs: number, ceiling = Infinity): Quantiles {
  const p50 = median(p, issuedMs, targetMs);
  const spread = 1.2816 * p.sigma(targetMs - issuedMs, p50);
  const bound = (v: number) => round2(Math.min(ceiling, Math.max(0, v)));
  return { p10: bound(p50 - spread), p50: bound(p50), p90: bound(p50 + spread) };
}

function forecastSteps(p: Predictor, issuedMs: number, stepMs: number, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const t = issuedMs + (i + 1) * stepMs;
    return { t: iso(t), ...quantiles(p, issuedMs, t) };
  });
}

function observations(p: Predictor, untilMs: number, stepMs: number, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const t = untilMs - (count - 1 - i) * stepMs;
    return { t: iso(t), value: round2(p.truth(t)) };
  });
}

/** What the model predicted, `horizonMs` ahead, for each of the last `count` steps, and what came. */
function hindcast(p: Predictor, issuedMs: number, stepMs: number, count: number, horizonMs: number) {
  return Array.from({ length: count }, (_, i) => {
    const t = issuedMs - (count - 1 - i) * stepMs;
    return {
      t: iso(t),
      horizonMinutes: horizonMs / MINUTE,
      predicted: round2(median(p, t - horizonMs, t)),
      observed: round2(p.truth(t)),
    };
  });
}

/**
 * Rolling accuracy over the past week: forecasts issued every `everyMs` are compared with what
 * the simulation then observed, beside persistence (the value at issue time) on the same targets.
 */
export function rollingAccuracy(
  p: Predictor,
  nowMs: number,
  horizonsMin: number[],
  everyMs: number,
  samples: number,
): Accuracy[] {
  return horizonsMin.map((horizonMinutes) => {
    const horizon = horizonMinutes * MINUTE;
    let abs = 0;
    let sq = 0;
    let pct = 0;
    let bAbs = 0;
    let bSq = 0;
    let bPct = 0;
    let n = 0;
    for (let i = 1; i <= samples; i++) {
      const issued = Math.floor((nowMs - horizon) / everyMs) * everyMs - (i - 1) * everyMs;
      const target = issued + horizon;
      const observed = p.truth(target);
      const error = median(p, issued, target) - observed;
      const baselineError = p.truth(issued) - observed;
      const denominator = Math.max(Math.abs(observed), 1);
      abs += Math.abs(error);
      sq += error ** 2;
      pct += Math.abs(error) / denominator;
      bAbs += Math.abs(baselineError);
      bSq += baselineError ** 2;
      bPct += Math.abs(baselineError) / denominator;
      n++;
    }
    return {
      horizonMinutes,
      mae: round2(abs / n),
      rmse: round2(Math.sqrt(sq / n)),
      mape: round2((pct / n) * 100),
      baselineMae: round2(bAbs / n),
      baselineRmse: round2(Math.sqrt(bSq / n)),
      baselineMape: round2((bPct / n) * 100),
      samples: n,
    };
  });
}

const TRAFFIC_STEP = 15 * MINUTE;
const trafficIssuedAt = (nowMs: number) => Math.floor(nowMs / TRAFFIC_STEP) * TRAFFIC_STEP;
/** About 3 km/h mean absolute error at 15 minutes, growing with the horizon up to about 5 km/h. */
const speedSigma = (h: number) => Math.min(6.5, 2.6 + 1.9 * Math.log1p(h / TRAFFIC_STEP));

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
    accuracy: rollingAccuracy(predictor, nowMs, [15, 60, 360, 1440], 2 * HOUR, 84),
    hindcast: hindcast(predictor, issued, TRAFFIC_STEP, 96, HOUR),
  };
}

export function trafficForecast(world: World, corridorId: string, nowMs: number): TrafficForecast {
  const predictor: Predictor = {
    key: `${world.seed}:traffic:${corridorId}`,
    truth: (t) => corridorTraffic(world, corridorId, t).speed,
    sigma: speedSigma,
  };
  return { corridorId, ...trafficSeries(predictor, world.corridorsById.get(corridorId)!.freeFlowKmh, nowMs) };
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

/** The air model runs every hour; its forecast is for a station or for `metro`, the mean of all. */
const airIssuedAt = (nowMs: number) => Math.floor(nowMs / HOUR) * HOUR;

function airPredictor(world: World, stationId: string, pollutant: Pollutant): Predictor {
  const stations =
    stationId === 'metro' ? world.sensors.filter((s) => s.kind === 'air').map((s) => s.id) : [stationId];
  return {
    key: `${world.seed}:air:${stationId}:${pollutant}`,
    truth: (t) => stations.reduce((sum, id) => sum + airAt(world, id, t)[pollutant], 0) / stations.length,
    sigma: (h, truth) => Math.max(1, truth) * (0.06 + 0.05 * (h / (24 * HOUR))),
  };
}

export function airForecast(
  world: World,
  stationId: string,
  pollutant: Pollutant,
  nowMs: number,
): AirForecast {
  const predictor = airPredictor(world, stationId, pollutant);
  const issued = airIssuedAt(nowMs);
  return {
    stationId,
    pollutant,
    model: AIR_MODEL,
    issuedAt: iso(issued),
    unit: 'µg/m³',
    stepMinutes: 60,
    steps: forecastSteps(predictor, issued, HOUR, 72),
    observed: observations(predictor, issued, HOUR, 48),
    baseline: 'persistence',
    accuracy: rollingAccuracy(
      predictor,
      nowMs,
      [60, 1440, 2880, 4320],
      6 * HOUR,
      stationId === 'metro' ? 14 : 28,
    ),
    hindcast: hindcast(predictor, issued, HOUR, 48, 24 * HOUR),
  };
}

/** How far ahead each model's latest run reaches. */
export const SENSOR_FORECAST_HORIZON_MS = 24 * HOUR;

function sensorPrediction(
  world: World,
  sensor: Sensor,
  nowMs: number,
  validMs: number,
): SensorPrediction | null {
  if (sensor.kind === 'air') {
    const issued = airIssuedAt(nowMs);
    const q = Object.fromEntries(
      POLLUTANTS.map((pollutant) => [
        pollutant,
        quantiles(airPredictor(world, sensor.id, pollutant), issued, validMs),
      ]),
    ) as Record<Pollutant, Quantiles>;
    const medians = Object.fromEntries(POLLUTANTS.map((p) => [p, q[p].p50])) as Record<Pollutant, number>;
    return { kind: 'air', sensorId: sensor.id, ...q, airQualityIndex: eaqiIndex(medians)! };
  }
  if (sensor.kind === 'traffic') {
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
  return null;
}

/** What the latest runs predict every traffic and air sensor will read at `validMs`. */
export function sensorForecasts(world: World, nowMs: number, validMs: number): SensorForecastsResponse {
  const items: SensorPrediction[] = [];
  for (const sensor of world.sensors) {
    const prediction = sensorPrediction(world, sensor, nowMs, validMs);
    if (prediction) items.push(prediction);
  }
  return {
    validAt: iso(validMs),
    models: {
      traffic: { ...TRAFFIC_MODEL, issuedAt: iso(trafficIssuedAt(nowMs)) },
      air: { ...AIR_MODEL, issuedAt: iso(airIssuedAt(nowMs)) },
    },
    items,
  };
}

const romeDate = (ms: number) => new Date(ms + romeOffsetHours(ms) * HOUR).toISOString().slice(0, 10);
const AIR_HORIZON_HOURS = 72;

/**
 * Each station's daily mean of a pollutant for the local days the run covers: the hours already
 * observed today count as they were, the others as forecast.
 */
export function dailyAirOutlook(world: World, pollutant: Pollutant, nowMs: number): DailyAirOutlook {
  const issued = airIssuedAt(nowMs);
  const firstDay = romeDate(issued);
  const items = world.sensors
    .filter((s) => s.kind === 'air')
    .map((station) => {
      const predictor = airPredictor(world, station.id, pollutant);
      const days = new Map<string, { hours: number; p10: number; p50: number; p90: number }>();
      const add = (t: number, q: Quantiles) => {
        const day = days.get(romeDate(t)) ?? { hours: 0, p10: 0, p50: 0, p90: 0 };
        days.set(romeDate(t), {
          hours: day.hours + 1,
          p10: day.p10 + q.p10,
          p50: day.p50 + q.p50,
          p90: day.p90 + q.p90,
        });
      };
      for (let t = issued; romeDate(t) === firstDay; t -= HOUR) {
        const value = predictor.truth(t);
        add(t, { p10: value, p50: value, p90: value });
      }
      for (let h = 1; h <= AIR_HORIZON_HOURS; h++)
        add(issued + h * HOUR, quantiles(predictor, issued, issued + h * HOUR));
      return {
        stationId: station.id,
        days: [...days].map(([date, d]) => ({
          date,
          hours: d.hours,
          mean: { p10: round2(d.p10 / d.hours), p50: round2(d.p50 / d.hours), p90: round2(d.p90 / d.hours) },
        })),
      };
    });
  return {
    pollutant,
    unit: 'µg/m³',
    model: AIR_MODEL,
    issuedAt: iso(issued),
    timeZone: 'Europe/Rome',
    items,
  };
}
