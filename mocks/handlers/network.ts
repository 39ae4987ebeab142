import { http, HttpResponse } from 'msw';
import { bandSchema } from '../../src/api/schemas/network';
import type { Simulation } from '../territory/simulation';
import { coverageCells, HEX_RADIUS_M } from '../territory/coverage';
import { respond } from '../scenarios';
import { apiPath } from './api-path';

export const networkHandlers = (sim: Simulation) => [
  http.get(apiPath('/network/sites'), () => respond('sites', () => ({ items: sim.sites() }))),
  http.get(apiPath('/network/coverage'), ({ request }) => {
    const band = bandSchema.safeParse(new URL(request.url).searchParams.get('band') ?? 'n78');
    if (!band.success) return HttpResponse.json({ error: 'band must be n78 or n258' }, { status: 400 });
    return respond('coverage', () => ({
      band: band.data,
      hexRadiusM: HEX_RADIUS_M,
      generatedAt: new Date(sim.now()).toISOString(),
      cells: coverageCells(sim.world, band.data, sim.now()),
    }));
  }),
];
