import { http, HttpResponse } from 'msw';
import { SCOPES } from '../../src/api/access';
import { alertPatchSchema, responseTimePeriodSchema, type AlertPatch } from '../../src/api/schemas/security';
import { AlertNotFound, AlertPatchRefused, type Simulation } from '../territory/simulation';
import { respond } from '../scenarios';
import { auditName, forbidden, unauthorized, type Authenticate } from './access';
import { apiPath } from './api-path';
import { seriesHours } from './series-hours';

/** Whether a change is an acknowledgement and nothing more: what `acknowledge` alone permits. */
const isAcknowledgementOnly = (patch: AlertPatch) =>
  patch.status === 'acknowledged' && patch.assignee === undefined && patch.note === undefined;

export const securityHandlers = (sim: Simulation, authenticate: Authenticate) => [
  http.get(apiPath('/security/alerts'), () => respond('alerts', () => ({ items: sim.alerts() }))),

  http.patch(apiPath('/security/alerts/:id'), async ({ params, request }) => {
    const principal = await authenticate(request);
    if (!principal) return unauthorized();
    const patch = alertPatchSchema.safeParse(await request.json().catch(() => null));
    if (!patch.success) {
      const issue = patch.error.issues[0];
      return HttpResponse.json({ error: issue?.message }, { status: issue?.code === 'too_big' ? 413 : 400 });
    }
    if (!principal.scopes.has(SCOPES.triage) && !isAcknowledgementOnly(patch.data))
      return forbidden([SCOPES.triage]);
    try {
      // Who acts is who signed in; an `actor` in the body is not part of the contract and is dropped.
      const updated = sim.patchAlert(String(params.id), patch.data, auditName(principal.name));
      return respond('alerts', () => updated);
    } catch (error) {
      if (error instanceof AlertNotFound) return HttpResponse.json({ error: error.message }, { status: 404 });
      if (error instanceof AlertPatchRefused)
        return HttpResponse.json({ error: error.message }, { status: 409 });
      throw error;
    }
  }),

  http.get(apiPath('/security/qkd-links'), () => respond('qkd-links', () => ({ items: sim.qkdLinks() }))),

  http.get(apiPath('/security/qkd-links/:id/series'), ({ params, request }) => {
    const hours = seriesHours(request);
    if (hours instanceof Response) return hours;
    const series = sim.qkdLinkSeries(String(params.id), hours);
    if (!series) return HttpResponse.json({ error: 'no such QKD link' }, { status: 404 });
    return respond('qkd-series', () => series);
  }),

  http.get(apiPath('/security/response-times'), ({ request }) => {
    const period = responseTimePeriodSchema.safeParse(
      new URL(request.url).searchParams.get('period') ?? 'day',
    );
    if (!period.success)
      return HttpResponse.json({ error: 'period must be day, week or month' }, { status: 400 });
    return respond('response-times', () => sim.responseTimes(period.data));
  }),
];
