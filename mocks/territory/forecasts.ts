import type { SensorForecastsResponse, SensorPrediction } from '../../src/api/schemas/forecasts';
import type { Sensor } from '../../src/api/schemas/sensors';
import type { World } from './build';
import { AIR_MODEL, airIssuedAt, airSensorPrediction } from './air-forecasts';
import { iso } from './predictor';
import { TRAFFIC_MODEL, trafficIssuedAt, trafficSensorPrediction } from './traffic-forecasts';

/** How far ahead each model's latest run reaches. */
export const SENSOR_FORECAST_HORIZON_MS = 24 * 3_600_000;

function sensorPrediction(
  world: World,
  sensor: Sensor,
  nowMs: number,
  validMs: number,
): SensorPrediction | null {
  if (sensor.kind === 'air') return airSensorPrediction(world, sensor, nowMs, validMs);
  if (sensor.kind === 'traffic') return trafficSensorPrediction(world, sensor, nowMs, validMs);
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
