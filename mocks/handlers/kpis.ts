import { http, HttpResponse } from 'msw';
import { periodSchema } from '../../src/api/schemas/kpis';
import type { Simulation } from '../territory/simulation';
import { kpisAt } from '../territory/kpis';
import { respond } from '../scenarios';
import { apiPath } from './api-path';

export const kpiHandlers = (sim: Simulation) => [
  http.get(apiPath('/kpis'), ({ request }) => {
    const period = periodSchema.safeParse(new URL(request.url).searchParams.get('period') ?? 'day');
    if (!period.success)
      return HttpResponse.json({ error: 'period must be day, week, month or quarter' }, { status: 400 });
    return respond('kpis', () => kpisAt(sim.world, period.data, sim.now()));
  }),
];
