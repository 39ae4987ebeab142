import { http } from 'msw';
import type { Simulation } from '../territory/simulation';
import { respond } from '../scenarios';
import { apiPath } from './api-path';

export const territoryHandlers = (sim: Simulation) => [
  http.get(apiPath('/territory'), () => respond('territory', () => sim.world.territory)),
];
