import { getResponse, http, HttpResponse, type RequestHandler } from 'msw';
import { PUBLIC_API_PREFIX } from '../../src/api/access';
import {
  publicAlert,
  publicDevice,
  publicQkdLink,
  publicQkdSeries,
  type OpaqueId,
} from '../public-projection';
import { respond, type Endpoint } from '../scenarios';
import { API_PATHS, pathFor } from '../../src/api/paths';
import type { QkdLinkSeries } from '../../src/api/schemas/security';
import type { Simulation } from '../territory/simulation';
import { apiPath } from './api-path';

/** Resources that hold nothing personal or identifying, served to public screens as they are. */
const PUBLIC_AS_IS = [
  ...(
    [
      'territory',
      'story',
      'sites',
      'coverage',
      'sensors',
      'readings',
      'series',
      'traffic-forecasts',
      'air-forecasts',
      'sensor-forecasts',
      'air-outlook',
      'response-times',
      'kpis',
      'health-facilities',
      'device-series',
    ] as const satisfies readonly Endpoint[]
  ).map((endpoint) => API_PATHS[endpoint]),
  `${API_PATHS['traffic-forecasts']}/place`,
];

const publicPath = (path: string) => apiPath(`${PUBLIC_API_PREFIX}${path}`);

/**
 * The public projection of the API under `/public`: alerts, QKD links and health devices projected
 * by mocks/public-projection.ts; the resources in PUBLIC_AS_IS answered by the full API's handlers.
 * Nothing else exists there.
 */
export function publicHandlers(sim: Simulation, inner: readonly RequestHandler[], opaqueId: OpaqueId) {
  const areaOf = (municipalityId: string) =>
    sim.world.territory.areas.find((area) => area.municipalityIds.includes(municipalityId));
  /** The real link behind an opaque id, if any. */
  const linkBehind = async (opaque: string) => {
    for (const link of sim.qkdLinks()) if ((await opaqueId('link', link.id)) === opaque) return link;
    return undefined;
  };
  /** The full API's answer to the same request for `path`. */
  const forward = (request: Request, path: string) => {
    const url = new URL(request.url);
    url.pathname = url.pathname.replace(/\/api\/v1\/.*$/, `/api/v1${path}`);
    return getResponse([...inner], new Request(url, { headers: request.headers }));
  };
  return [
    http.get(publicPath('/security/alerts'), async () => {
      const items = await Promise.all(sim.alerts().map((alert) => publicAlert(alert, areaOf, opaqueId)));
      return respond('alerts', () => ({ items }));
    }),
    http.get(publicPath('/security/qkd-links'), async () => {
      const items = await Promise.all(sim.qkdLinks().map((link) => publicQkdLink(link, opaqueId)));
      return respond('qkd-links', () => ({ items }));
    }),
    http.get(publicPath('/security/qkd-links/:id/series'), async ({ params, request }) => {
      const opaque = String(params.id);
      const link = await linkBehind(opaque);
      if (!link) return HttpResponse.json({ error: 'no such QKD link' }, { status: 404 });
      const answer = await forward(request, pathFor(API_PATHS['qkd-series'], link.id));
      if (!answer || answer.type === 'error' || !answer.ok) return answer;
      const text = await answer.text();
      try {
        return HttpResponse.json(publicQkdSeries(JSON.parse(text) as QkdLinkSeries, opaque));
      } catch {
        return new HttpResponse(text, { status: answer.status, headers: answer.headers });
      }
    }),
    http.get(publicPath('/health/devices'), async () => {
      const items = await Promise.all(sim.healthDevices().map((device) => publicDevice(device, opaqueId)));
      return respond('health-devices', () => ({ items }));
    }),
    // What is public as it is: the full API's own answer (faults included).
    ...PUBLIC_AS_IS.map((path) =>
      http.get(publicPath(path.replace('{id}', ':id')), ({ request, params }) =>
        forward(request, params.id === undefined ? path : pathFor(path, String(params.id))),
      ),
    ),
  ];
}
