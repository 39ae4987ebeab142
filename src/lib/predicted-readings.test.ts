import type { SensorForecastsResponse } from '../api/schemas/forecasts';
import { predictedReadings } from './predicted-readings';

const q = (p50: number, spread = 1) => ({ p10: p50 - spread, p50, p90: p50 + spread });
const model = {
  name: 'm',
  version: '1',
  trainedAt: '2026-01-01T00:00:00Z',
  issuedAt: '2026-03-11T08:30:00Z',
};
const answer: SensorForecastsResponse = {
  validAt: '2026-03-11T14:30:00Z',
  models: { traffic: model, air: model },
  items: [
    {
      kind: 'traffic',
      sensorId: 't1',
      intensity: q(900, 80),
      averageVehicleSpeed: q(22, 4),
      occupancy: q(0.4, 0.05),
      congested: true,
    },
    {
      kind: 'air',
      sensorId: 'a1',
      pm25: q(30),
      pm10: q(60),
      no2: q(20),
      o3: q(40),
      so2: q(3),
      airQualityIndex: 3,
    },
  ],
};

describe('predicted readings', () => {
  const picture = predictedReadings(answer);

  it('draw each sensor at its median, at the time predicted', () => {
    expect(picture.bySensor.get('t1')).toEqual({
      kind: 'traffic',
      sensorId: 't1',
      dateObserved: '2026-03-11T14:30:00Z',
      intensity: 900,
      averageVehicleSpeed: 22,
      occupancy: 0.4,
      congested: true,
    });
    expect(picture.bySensor.get('a1')).toMatchObject({
      pm10: 60,
      airQualityIndex: 3,
      airQualityLevel: 'moderate',
    });
  });

  it('are a whole picture that keeps each interval', () => {
    expect(picture).toMatchObject({ full: true, generatedAt: answer.validAt, changed: ['t1', 'a1'] });
    expect(picture.predictions.get('t1')).toBe(answer.items[0]);
  });
});
