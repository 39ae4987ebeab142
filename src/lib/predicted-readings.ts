import type { SensorForecastsResponse, SensorPrediction } from '../api/schemas/forecasts';
import type { Reading } from '../api/schemas/sensors';
import { eaqiLevel, type EaqiBand } from './eaqi';
import type { LiveReadings } from './sensors';

/** A prediction's median as a reading at the time it is valid for, so the map draws it like one. */
export function medianReading(prediction: SensorPrediction, validAt: string): Reading {
  if (prediction.kind === 'traffic') {
    return {
      kind: 'traffic',
      sensorId: prediction.sensorId,
      dateObserved: validAt,
      intensity: prediction.intensity.p50,
      averageVehicleSpeed: prediction.averageVehicleSpeed.p50,
      occupancy: Math.min(1, prediction.occupancy.p50),
      congested: prediction.congested,
    };
  }
  return {
    kind: 'air',
    sensorId: prediction.sensorId,
    dateObserved: validAt,
    pm25: prediction.pm25.p50,
    pm10: prediction.pm10.p50,
    no2: prediction.no2.p50,
    o3: prediction.o3.p50,
    so2: prediction.so2.p50,
    airQualityIndex: prediction.airQualityIndex,
    airQualityLevel: eaqiLevel(prediction.airQualityIndex as EaqiBand),
  };
}

export interface PredictedReadings extends LiveReadings {
  /** The full prediction of each sensor, for its uncertainty. */
  predictions: ReadonlyMap<string, SensorPrediction>;
  models: SensorForecastsResponse['models'];
}

/** A forecast answer as a whole picture of medians, keeping each sensor's interval beside it. */
export function predictedReadings(answer: SensorForecastsResponse): PredictedReadings {
  const bySensor = new Map<string, Reading>();
  const predictions = new Map<string, SensorPrediction>();
  for (const item of answer.items) {
    bySensor.set(item.sensorId, medianReading(item, answer.validAt));
    predictions.set(item.sensorId, item);
  }
  return {
    generatedAt: answer.validAt,
    bySensor,
    changed: [...bySensor.keys()],
    full: true,
    predictions,
    models: answer.models,
  };
}
