import { delay, HttpResponse } from 'msw';
import { API_PATHS } from '../src/api/paths';
import { DEVICE_CATEGORIES } from '../src/api/schemas/health';
import { VIOLATIONS } from './violations';

/** The API's endpoints, as scenario helpers name them. */
export type Endpoint = keyof typeof API_PATHS;
export const ENDPOINTS = Object.keys(API_PATHS) as Endpoint[];

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
  // Kinds of schema violation, each in the first listed item (or the root):
  'wrong-type',
  'nan-string',
  'bad-coordinates',
  'unknown-enum',
  'duplicate-ids',
  'empty-string',
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
  'title',
  'caption',
  'unit',
  'version',
]);
/** An assignment's audit entry names people in `from` and `to` (elsewhere those keys hold times). */
const isAssignment = (entry: unknown): entry is { action: 'assigned'; from: unknown; to: unknown } =>
  !!entry && typeof entry === 'object' && (entry as { action?: unknown }).action === 'assigned';
const prefixed = (value: unknown) => (typeof value === 'string' ? `${HOSTILE_STRING}${value}` : value);

function mapJson(value: unknown, visit: (key: string, value: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => mapJson(v, visit));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(k, mapJson(v, visit))]));
  }
  return value;
}

function hostile(json: unknown) {
  return mapJson(json, (key, value) => {
    if (key === 'audit' && Array.isArray(value))
      return value.map((e: unknown) =>
        isAssignment(e) ? { ...e, from: prefixed(e.from), to: prefixed(e.to) } : e,
      );
    // A diagnostic device's category is one of a fixed list, not text shown as given.
    if (key === 'category' && (DEVICE_CATEGORIES as readonly unknown[]).includes(value)) return value;
    return DISPLAYED_KEYS.has(key) ? prefixed(value) : value;
  });
}

function emptied(json: unknown) {
  return mapJson(json, (_key, value) => (Array.isArray(value) ? [] : value));
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
      return HttpResponse.json(VIOLATIONS['schema-violation'](produce()) as object, { status });
    case 'hostile-strings':
      return HttpResponse.json(hostile(produce()) as object, { status });
    case 'wrong-type':
    case 'nan-string':
    case 'bad-coordinates':
    case 'unknown-enum':
    case 'duplicate-ids':
    case 'empty-string':
      return HttpResponse.json(VIOLATIONS[fault](produce()) as object, { status });
    default:
      return HttpResponse.json(produce() as object, { status });
  }
}

/** Sent on the demo's window once its simulated territory answers, with the scenario switches set. */
export const TERRITORY_STARTED = 'territorio:territory-started';
