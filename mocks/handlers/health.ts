import { http, HttpResponse } from 'msw';
import type { Simulation } from '../territory/simulation';
import { respond } from '../scenarios';
import { apiPath } from './api-path';
import { seriesHours } from './series-hours';

export const healthHandlers = (sim: Simulation) => [
  http.get(apiPath('/health/facilities'), () =>
    respond('health-facilities', () => ({ items: sim.healthFacilities() })),
  ),

  http.get(apiPath('/health/devices'), () =>
    respond('health-devices', () => ({ items: sim.healthDevices() })),
  ),

  http.get(apiPath('/health/devices/:id/series'), ({ params, request }) => {
    const hours = seriesHours(request);
    if (hours instanceof Response) return hours;
    const series = sim.deviceSeries(String(params.id), hours);
    if (!series) return HttpResponse.json({ error: 'no such device' }, { status: 404 });
    return respond('device-series', () => series);
  }),
];
