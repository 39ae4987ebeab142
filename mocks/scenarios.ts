import { delay, HttpResponse } from 'msw';

/** The API's endpoints, as scenario helpers name them. */
export const ENDPOINTS = [
  'territory',
  'sites',
  'coverage',
  'sensors',
  'readings',
  'series',
  'traffic-forecasts',
  'air-forecasts',
  'sensor-forecasts',
  'air-outlook',
  'alerts',
  'qkd-links',
  'qkd-series',
  'response-times',
  'kpis',
] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export const FAULTS = [
  'network-error',
  'server-error',
  'unavailable',
  'hang',
  'slow',
  'empty',
  'malformed-json',
  'schema-violation',
  'hostile-strings',
] as const;
export type Fault = (typeof FAULTS)[number];

const active = new Map<Endpoint, Fault>();

export function setFault(endpoint: Endpoint, fault: Fault) {
  active.set(endpoint, fault);
}
export function clearFault(endpoint: Endpoint) {
  active.delete(endpoint);
}
export function clearFaults() {
  active.clear();
}
export function makeAllEndpointsFail(fault: Fault = 'network-error') {
  for (const endpoint of ENDPOINTS) active.set(endpoint, fault);
}
export const makeAlertsFail = (fault: Fault = 'server-error') => setFault('alerts', fault);
export const setSensorsEmpty = () => setFault('sensors', 'empty');

/** Reads faults from a list such as "alerts:server-error,readings:hang" (unknown entries are ignored). */
export function applyFaultList(list: string | null) {
  for (const entry of (list ?? '').split(',')) {
    const [endpoint, fault] = entry.split(':');
    if (
      (ENDPOINTS as readonly string[]).includes(endpoint ?? '') &&
      (FAULTS as readonly string[]).includes(fault ?? '')
    ) {
      setFault(endpoint as Endpoint, fault as Fault);
    }
  }
}

/** A payload that flags the page if it is ever executed instead of shown as text. */
export const HOSTILE_STRING = `<img src=x onerror="window.__territorioXss=1"><script>window.__territorioXss=1</script>`;
const DISPLAYED_KEYS = new Set([
  'name',
  'category',
  'subCategory',
  'source',
  'description',
  'note',
  'label',
  'operator',
  'actor',
  'assignee',
  'dataNotice',
]);

function mapJson(value: unknown, visit: (key: string, value: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => mapJson(v, visit));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(k, mapJson(v, visit))]));
  }
  return value;
}

function hostile(json: unknown) {
  return mapJson(json, (key, value) =>
    DISPLAYED_KEYS.has(key) && typeof value === 'string' ? `${HOSTILE_STRING}${value}` : value,
  );
}

function emptied(json: unknown) {
  return mapJson(json, (_key, value) => (Array.isArray(value) ? [] : value));
}

/** Breaks the first field of the first listed item (or of the root) so validation must refuse it. */
function violated(json: unknown): unknown {
  if (!json || typeof json !== 'object') return null;
  const root = { ...(json as Record<string, unknown>) };
  const listKey = Object.keys(root).find((k) => Array.isArray(root[k]) && (root[k] as unknown[]).length > 0);
  if (!listKey) return { ...root, [Object.keys(root)[0] ?? 'id']: null };
  const [first, ...rest] = root[listKey] as Record<string, unknown>[];
  const field = Object.keys(first ?? {})[0] ?? 'id';
  return { ...root, [listKey]: [{ ...first, [field]: null }, ...rest] };
}

/**
 * Answers a request as the endpoint's active fault dictates, or with `produce()` when none is set.
 * Faults that alter the payload are applied to the real answer.
 */
export async function respond(endpoint: Endpoint, produce: () => unknown, status = 200): Promise<Response> {
  const fault = active.get(endpoint);
  switch (fault) {
    case 'network-error':
      return HttpResponse.error();
    case 'server-error':
      return new HttpResponse(null, { status: 500 });
    case 'unavailable':
      return new HttpResponse(null, { status: 503 });
    case 'hang':
      await delay('infinite');
      return new HttpResponse(null, { status: 504 });
    case 'slow':
      await delay(4000);
      return HttpResponse.json(produce() as object, { status });
    case 'malformed-json':
      return new HttpResponse('{"items": [ {"id": ', {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    case 'empty':
      return HttpResponse.json(emptied(produce()) as object, { status });
    case 'schema-violation':
      return HttpResponse.json(violated(produce()) as object, { status });
    case 'hostile-strings':
      return HttpResponse.json(hostile(produce()) as object, { status });
    default:
      return HttpResponse.json(produce() as object, { status });
  }
}
