import { http, HttpResponse } from 'msw';
import type { Simulation } from '../territory/simulation';
import { metricAt, SERIES_METRICS } from '../territory/dynamics';
import { respond } from '../scenarios';
import { apiPath } from './api-path';

const MAX_POINTS = 2000;
const DAY_MS = 86_400_000;

export const sensorHandlers = (sim: Simulation) => [
  http.get(apiPath('/sensors'), () => respond('sensors', () => ({ items: sim.world.sensors }))),

  http.get(apiPath('/readings'), ({ request }) => {
    const search = new URL(request.url).searchParams;
    const since = search.get('since');
    const at = search.get('at');
    const sinceMs = since === null ? undefined : Date.parse(since);
    const atMs = at === null ? sim.now() : Date.parse(at);
    if (Number.isNaN(sinceMs) || Number.isNaN(atMs))
      return HttpResponse.json({ error: 'since and at must be ISO date-times' }, { status: 400 });
    if (atMs > sim.now())
      return HttpResponse.json({ error: 'at is in the future: ask /forecasts/sensors' }, { status: 400 });
    return respond('readings', () => ({
      generatedAt: new Date(atMs).toISOString(),
      since: since === null ? null : new Date(sinceMs!).toISOString(),
      items: sim.readings(sinceMs, atMs),
    }));
  }),

  http.get(apiPath('/sensors/:id/series'), ({ params, request }) => {
    const sensor = sim.world.sensorsById.get(String(params.id));
    if (!sensor) return HttpResponse.json({ error: 'no such sensor' }, { status: 404 });
    const search = new URL(request.url).searchParams;
    const metrics: Record<string, string> = SERIES_METRICS[sensor.kind];
    const metric = search.get('metric') ?? Object.keys(metrics)[0]!;
    if (!(metric in metrics))
      return HttpResponse.json({ error: `unknown metric for a ${sensor.kind} sensor` }, { status: 400 });
    const to = Math.min(Date.parse(search.get('to') ?? '') || sim.now(), sim.now());
    const from = Date.parse(search.get('from') ?? '') || to - DAY_MS;
    if (from >= to) return HttpResponse.json({ error: 'from must be before to' }, { status: 400 });
    const step = Math.max(sensor.cadenceSeconds * 1000, Math.ceil((to - from) / MAX_POINTS));
    const timestamps: string[] = [];
    const values: (number | null)[] = [];
    for (let t = Math.ceil(from / step) * step; t <= to; t += step) {
      timestamps.push(new Date(t).toISOString());
      values.push(metricAt(sim.world, sensor, metric, t));
    }
    return respond('series', () => ({
      sensorId: sensor.id,
      metric,
      unit: metrics[metric],
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      timestamps,
      values,
    }));
  }),
];
