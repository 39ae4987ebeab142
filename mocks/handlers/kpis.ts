import { http, HttpResponse } from 'msw';
import { periodSchema } from '../../src/api/schemas/kpis';
import type { Simulation } from '../territory/simulation';
import { kpisAt, localisedKpis } from '../territory/kpis';
import { respond } from '../scenarios';
import { apiPath } from './api-path';

export const kpiHandlers = (sim: Simulation) => [
  http.get(apiPath('/kpis'), ({ request }) => {
    const params = new URL(request.url).searchParams;
    const period = periodSchema.safeParse(params.get('period') ?? 'day');
    if (!period.success)
      return HttpResponse.json({ error: 'period must be day, week, month or quarter' }, { status: 400 });
    return respond('kpis', () =>
      localisedKpis(kpisAt(sim.world, period.data, sim.now(), sim.alertsWithin), params.get('lang')),
    );
  }),
];
