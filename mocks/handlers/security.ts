import { http, HttpResponse } from 'msw';
import { alertPatchSchema } from '../../src/api/schemas/security';
import { AlertNotFound, AlertPatchRefused, type Simulation } from '../territory/simulation';
import { respond } from '../scenarios';
import { apiPath } from './api-path';

export const securityHandlers = (sim: Simulation) => [
  http.get(apiPath('/security/alerts'), () => respond('alerts', () => ({ items: sim.alerts() }))),

  http.patch(apiPath('/security/alerts/:id'), async ({ params, request }) => {
    const patch = alertPatchSchema.safeParse(await request.json().catch(() => null));
    if (!patch.success) return HttpResponse.json({ error: patch.error.issues[0]?.message }, { status: 400 });
    try {
      const updated = sim.patchAlert(String(params.id), patch.data);
      return respond('alerts', () => updated);
    } catch (error) {
      if (error instanceof AlertNotFound) return HttpResponse.json({ error: error.message }, { status: 404 });
      if (error instanceof AlertPatchRefused)
        return HttpResponse.json({ error: error.message }, { status: 409 });
      throw error;
    }
  }),

  http.get(apiPath('/security/qkd-links'), () => respond('qkd-links', () => ({ items: sim.qkdLinks() }))),
];
