import { http, HttpResponse } from 'msw';
import { pollutantSchema } from '../../src/api/schemas/forecasts';
import type { Simulation } from '../territory/simulation';
import { airForecast, dailyAirOutlook } from '../territory/air-forecasts';
import { SENSOR_FORECAST_HORIZON_MS, sensorForecasts } from '../territory/forecasts';
import { placeTrafficForecast, trafficForecast } from '../territory/traffic-forecasts';
import { respond } from '../scenarios';
import { apiPath } from './api-path';

export const forecastHandlers = (sim: Simulation) => [
  http.get(apiPath('/forecasts/traffic'), ({ request }) => {
    const corridorId = new URL(request.url).searchParams.get('corridorId');
    if (corridorId && !sim.world.corridorsById.has(corridorId)) {
      return HttpResponse.json({ error: 'no such corridor' }, { status: 404 });
    }
    const ids = corridorId ? [corridorId] : [...sim.world.corridorsById.keys()];
    return respond('traffic-forecasts', () => ({
      items: ids.map((id) => trafficForecast(sim.world, id, sim.now())),
    }));
  }),

  http.get(apiPath('/forecasts/traffic/place'), ({ request }) => {
    const search = new URL(request.url).searchParams;
    const sensorId = search.get('sensorId');
    const municipalityId = search.get('municipalityId');
    if ((sensorId === null) === (municipalityId === null))
      return HttpResponse.json({ error: 'give exactly one of sensorId and municipalityId' }, { status: 400 });
    const place = sensorId
      ? ({ kind: 'sensor', id: sensorId } as const)
      : ({ kind: 'municipality', id: municipalityId! } as const);
    const forecast = placeTrafficForecast(sim.world, place, sim.now());
    if (!forecast) return HttpResponse.json({ error: 'no traffic sensor there' }, { status: 404 });
    return respond('traffic-forecasts', () => forecast);
  }),

  http.get(apiPath('/forecasts/air'), ({ request }) => {
    const search = new URL(request.url).searchParams;
    const pollutant = pollutantSchema.safeParse(search.get('pollutant') ?? 'pm10');
    if (!pollutant.success) return HttpResponse.json({ error: 'unknown pollutant' }, { status: 400 });
    const stationId = search.get('stationId') ?? 'metro';
    const station = sim.world.sensorsById.get(stationId);
    if (stationId !== 'metro' && station?.kind !== 'air') {
      return HttpResponse.json({ error: 'no such air-quality station' }, { status: 404 });
    }
    return respond('air-forecasts', () => ({
      items: [airForecast(sim.world, stationId, pollutant.data, sim.now())],
    }));
  }),

  http.get(apiPath('/forecasts/sensors'), ({ request }) => {
    const at = Date.parse(new URL(request.url).searchParams.get('at') ?? '');
    const now = sim.now();
    if (Number.isNaN(at)) return HttpResponse.json({ error: 'at must be an ISO date-time' }, { status: 400 });
    if (at <= now || at > now + SENSOR_FORECAST_HORIZON_MS)
      return HttpResponse.json({ error: 'at must be within the next 24 hours' }, { status: 400 });
    return respond('sensor-forecasts', () => sensorForecasts(sim.world, now, at));
  }),

  http.get(apiPath('/forecasts/air/daily'), ({ request }) => {
    const pollutant = pollutantSchema.safeParse(new URL(request.url).searchParams.get('pollutant') ?? 'pm10');
    if (!pollutant.success) return HttpResponse.json({ error: 'unknown pollutant' }, { status: 400 });
    return respond('air-outlook', () => dailyAirOutlook(sim.world, pollutant.data, sim.now()));
  }),
];
