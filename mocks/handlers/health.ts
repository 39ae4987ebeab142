import { http, HttpResponse } from 'msw';
import type { Simulation } from '../territory/simulation';
import { respond } from '../scenarios';
import { apiPath } from './api-path';

/** A week of history at most: 2,016 points at the 5-minute step. */
const MAX_SERIES_HOURS = 168;

export const healthHandlers = (sim: Simulation) => [
  http.get(apiPath('/health/facilities'), () =>
    respond('health-facilities', () => ({ items: sim.healthFacilities() })),
  ),

  http.get(apiPath('/health/devices'), () =>
    respond('health-devices', () => ({ items: sim.healthDevices() })),
  ),

  http.get(apiPath('/health/devices/:id/series'), ({ params, request }) => {
    const hoursParam = new URL(request.url).searchParams.get('hours');
    const hours = hoursParam === null ? 24 : Number(hoursParam);
    if (!Number.isInteger(hours) || hours < 1 || hours > MAX_SERIES_HOURS)
      return HttpResponse.json(
        { error: `hours must be a whole number from 1 to ${MAX_SERIES_HOURS}` },
        { status: 400 },
      );
    const series = sim.deviceSeries(String(params.id), hours);
    if (!series) return HttpResponse.json({ error: 'no such device' }, { status: 404 });
    return respond('device-series', () => series);
  }),
];
