import { http } from 'msw';
import type { Simulation } from '../territory/simulation';
import { respond } from '../scenarios';
import { apiPath } from './api-path';
import { storyIn } from '../territory/story';

export const territoryHandlers = (sim: Simulation) => [
  http.get(apiPath('/territory'), () => respond('territory', () => sim.world.territory)),
  http.get(apiPath('/territory/story'), ({ request }) =>
    respond('story', () => storyIn(new URL(request.url).searchParams.get('lang'))),
  ),
];
