import type { z } from 'zod/mini';
import { coverageCells, HEX_RADIUS_M } from '../../../mocks/territory/coverage';
import { metricAt } from '../../../mocks/territory/dynamics';
import { airForecast } from '../../../mocks/territory/air-forecasts';
import { trafficForecast } from '../../../mocks/territory/traffic-forecasts';
import { kpisAt } from '../../../mocks/territory/kpis';
import { createSimulation } from '../../../mocks/territory/simulation';
import { ValidationError } from '../errors';
import { MAX_ITEMS_PER_ANSWER } from './common';
import { airForecastsResponseSchema, trafficForecastsResponseSchema } from './forecasts';
import { deviceSeriesSchema, devicesResponseSchema, facilitiesResponseSchema } from './health';
import { kpisResponseSchema } from './kpis';
import { coverageResponseSchema, sitesResponseSchema } from './network';
import {
  alertPatchSchema,
  alertsResponseSchema,
  qkdLinkSeriesSchema,
  qkdLinksResponseSchema,
  responseTimesSchema,
  type AlertPatch,
} from './security';
import { readingsResponseSchema, sensorsResponseSchema, seriesResponseSchema, SENSOR_KINDS } from './sensors';
import { territorySchema } from './territory';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-25T11:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const sim = createSimulation({ now: () => NOW });
const { world } = sim;

/** Valid payloads, as the simulated backend answers them. */
function readingsPayload() {
  const all = sim.readings();
  // One reading of each kind first, so the table below can address them by index.
  const firsts = SENSOR_KINDS.map((kind) => all.find((r) => r.kind === kind)!);
  return {
    generatedAt: iso(NOW),
    since: null,
    items: [...firsts, ...all.filter((r) => !firsts.includes(r))],
  };
}

function seriesPayload() {
  const sensor = world.sensors.find((s) => s.kind === 'air')!;
  const times = Array.from({ length: 24 }, (_, i) => NOW - (23 - i) * HOUR);
  return {
    sensorId: sensor.id,
    metric: 'no2',
    unit: 'µg/m³',
    from: iso(times[0]!),
    to: iso(NOW),
    timestamps: times.map(iso),
    values: times.map((t) => metricAt(world, sensor, 'no2', t)),
  };
}

function alertsPayload() {
  // An alert with an exact position first (a few are areas or redacted).
  const items = sim.alerts().toSorted((a, b) => Number(!a.place?.position) - Number(!b.place?.position));
  return { items };
}

function devicesPayload() {
  // A device that has sent data over a path with QKD links first, so the table can address them.
  const items = sim
    .healthDevices()
    .toSorted(
      (a, b) =>
        Number(b.dataSentTodayMB > 0 && b.path.length > 2) -
        Number(a.dataSentTodayMB > 0 && a.path.length > 2),
    );
  return { items };
}

const alertPatch: AlertPatch = { status: 'acknowledged' };

/** A corruption value that deletes the field (or shortens the list) instead of setting it. */
const REMOVE = Symbol('remove');
/** A value computed from the valid payload, e.g. another item's id. */
class Derived {
  constructor(readonly compute: (payload: unknown) => unknown) {}
}
const at = (path: string, change: (value: unknown) => unknown = (v) => v) =>
  new Derived((payload) => change(get(payload, path)));

type Node = Record<string, unknown>;
function get(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Node)[key], root);
}
/** Writes `value` at a dotted path such as "items.0.location.1". */
function set(root: unknown, path: string, value: unknown) {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.length ? (get(root, keys.join('.')) as Node) : (root as Node);
  if (value === REMOVE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    parent[last] = value;
  }
}

/** [what, path corrupted, new value, path the error must name (the same path by default)] */
type Corruption = [label: string, path: string, value: unknown, expected?: string];

interface Resource {
  name: string;
  schema: z.ZodMiniType;
  payload: () => unknown;
  corruptions: Corruption[];
}

const moreThan = (path: string) => at(path, (v) => (v as number) + 1);
const lessThan = (path: string) => at(path, (v) => (v as number) - 1);
const withoutLast = (path: string) => at(path, (v) => (v as unknown[]).slice(0, -1));

const RESOURCES: Resource[] = [
  {
    name: 'territory',
    schema: territorySchema,
    payload: () => world.territory,
    corruptions: [
      ['a missing name', 'name', REMOVE],
      ['an empty name', 'name', ''],
      ['a blank name', 'name', '   '],
      ['a number as name', 'name', 42],
      ['null centre', 'centre', null],
      ['null coordinates', 'centre', [null, null], 'centre.0'],
      ['a latitude out of range', 'centre.1', 91],
      ['a longitude out of range', 'centre.0', -181],
      ['NaN zoom', 'zoom', NaN],
      ['a string bound', 'bounds.3', '45.6'],
      ['a missing bound', 'bounds.3', REMOVE, 'bounds'],
      ['a string population', 'municipalities.0.population', '1371000'],
      ['a fractional population', 'municipalities.0.population', 1.5],
      ['an empty municipality name', 'municipalities.2.name', ''],
      ['a centroid latitude out of range', 'municipalities.0.centroid.1', -90.5],
      ['a NaN boundary vertex', 'municipalities.0.boundary.coordinates.0.3.0', NaN],
      ['a null boundary vertex', 'municipalities.0.boundary.coordinates.0.3', null],
      ['an unknown geometry type', 'municipalities.0.boundary.type', 'MultiPolygon'],
      ['a missing peripheral flag', 'municipalities.0.peripheral', REMOVE],
      ['a duplicate municipality id', 'municipalities.1.id', at('municipalities.0.id')],
      ['no municipalities', 'municipalities', []],
      ['an unknown corridor kind', 'corridors.0.kind', 'highway'],
      [
        'a one-point corridor',
        'corridors.0.path',
        at('corridors.0.path', (p) => (p as unknown[]).slice(0, 1)),
      ],
      ['a duplicate corridor id', 'corridors.2.id', at('corridors.0.id')],
      ['a duplicate waterway id', 'waterways.1.id', at('waterways.0.id')],
    ],
  },
  {
    name: 'sites',
    schema: sitesResponseSchema,
    payload: () => ({ items: sim.sites() }),
    corruptions: [
      ['a missing id', 'items.0.id', REMOVE],
      ['a missing status', 'items.3.status', REMOVE],
      ['an empty name', 'items.0.name', ''],
      ['null coordinates', 'items.0.location', null],
      ['a null latitude', 'items.0.location.1', null],
      ['a latitude out of range', 'items.0.location.1', 91],
      ['a longitude out of range', 'items.0.location.0', 180.01],
      ['a three-number location', 'items.0.location', [9.2, 45.4, 120]],
      ['an unknown status', 'items.0.status', 'exploded'],
      ['an unknown band', 'items.0.bands.0', 'n77'],
      ['no bands', 'items.0.bands', []],
      ['NaN throughput', 'items.0.throughputDlMbps', NaN],
      ['Infinity latency', 'items.0.latencyMs', Infinity],
      ['a negative latency', 'items.0.latencyMs', -1],
      ['a load above 1', 'items.0.load', 1.2],
      ['a string device count', 'items.0.connectedDevices', '1102'],
      ['a fractional device count', 'items.0.connectedDevices', 10.5],
      ['a date that is not ISO 8601', 'items.0.dateLastValueReported', '25/11/2026 11:00'],
      ['a date without an offset', 'items.0.dateLastValueReported', '2026-11-25T11:00:00'],
      ['a duplicate id', 'items.1.id', at('items.0.id')],
      ['a list that is not a list', 'items', { 0: 'site-01' }],
    ],
  },
  {
    name: 'coverage',
    schema: coverageResponseSchema,
    payload: () => ({
      band: 'n78',
      hexRadiusM: HEX_RADIUS_M,
      generatedAt: iso(NOW),
      cells: coverageCells(world, 'n78', NOW),
    }),
    corruptions: [
      ['an unknown band', 'band', 'n79'],
      ['a zero hexagon radius', 'hexRadiusM', 0],
      ['a missing generatedAt', 'generatedAt', REMOVE],
      ['null coordinates', 'cells.0.centre', null],
      ['a latitude out of range', 'cells.4.centre.1', 95],
      ['NaN SS-RSRP', 'cells.0.ssRsrpDbm', NaN],
      ['an impossible SS-RSRP', 'cells.0.ssRsrpDbm', -200],
      ['a string throughput', 'cells.0.expectedDlMbps', '100'],
      ['an empty id', 'cells.0.id', ''],
      ['a duplicate id', 'cells.7.id', at('cells.6.id')],
    ],
  },
  {
    name: 'sensors',
    schema: sensorsResponseSchema,
    payload: () => ({ items: world.sensors }),
    corruptions: [
      ['a missing name', 'items.0.name', REMOVE],
      ['an empty name', 'items.0.name', ''],
      ['an unknown kind', 'items.0.kind', 'radar'],
      ['null coordinates', 'items.0.location', null],
      ['a latitude out of range', 'items.0.location.1', -91],
      ['a NaN longitude', 'items.0.location.0', NaN],
      ['an empty corridor id', 'items.0.corridorId', ''],
      ['a zero cadence', 'items.0.cadenceSeconds', 0],
      ['a string cadence', 'items.0.cadenceSeconds', '60'],
      ['a null municipality', 'items.0.municipalityId', null],
      ['a duplicate id', 'items.10.id', at('items.9.id')],
    ],
  },
  {
    name: 'readings',
    schema: readingsResponseSchema,
    payload: readingsPayload,
    corruptions: [
      ['a missing generatedAt', 'generatedAt', REMOVE],
      ['a since that is not a date', 'since', 'yesterday'],
      ['an unknown kind', 'items.0.kind', 'radar'],
      ['a missing sensorId', 'items.0.sensorId', REMOVE],
      ['an empty sensorId', 'items.0.sensorId', ''],
      ['a missing dateObserved', 'items.0.dateObserved', REMOVE],
      ['NaN speed', 'items.0.averageVehicleSpeed', NaN],
      ['an occupancy above 1', 'items.0.occupancy', 1.5],
      ['a string congestion flag', 'items.0.congested', 'no'],
      ['a traffic reading without intensity', 'items.0.intensity', REMOVE],
      ['NaN PM2.5', 'items.1.pm25', NaN],
      ['a negative NO2', 'items.1.no2', -3],
      ['an EAQI band of 7', 'items.1.airQualityIndex', 7],
      ['an unknown EAQI level', 'items.1.airQualityLevel', 'hazardous'],
      ['a null noise level', 'items.2.laeq', null],
      ['a string temperature', 'items.3.temperature', '12'],
      ['a humidity above 100 %', 'items.3.relativeHumidity', 101],
      ['a duplicate sensorId', 'items.1.sensorId', at('items.0.sensorId')],
      ['a duplicate sensorId further down', 'items.40.sensorId', at('items.20.sensorId')],
    ],
  },
  {
    name: 'series',
    schema: seriesResponseSchema,
    payload: seriesPayload,
    corruptions: [
      ['a missing metric', 'metric', REMOVE],
      ['an empty sensorId', 'sensorId', ''],
      ['a null from', 'from', null],
      ['a timestamp that is not a date', 'timestamps.3', 'noon'],
      ['NaN value', 'values.5', NaN],
      ['a string value', 'values.5', '3.2'],
      ['fewer values than timestamps', 'values', withoutLast('values')],
      ['fewer timestamps than values', 'timestamps', withoutLast('timestamps'), 'values'],
    ],
  },
  {
    name: 'traffic forecasts',
    schema: trafficForecastsResponseSchema,
    payload: () => ({
      items: [...world.corridorsById.keys()].slice(0, 2).map((id) => trafficForecast(world, id, NOW)),
    }),
    corruptions: [
      ['p10 above p50', 'items.0.steps.0.p10', moreThan('items.0.steps.0.p50'), 'items.0.steps.0'],
      ['p90 below p50', 'items.1.steps.40.p90', lessThan('items.1.steps.40.p50'), 'items.1.steps.40'],
      ['NaN p50', 'items.0.steps.2.p50', NaN],
      ['a missing p90', 'items.0.steps.2.p90', REMOVE],
      ['a step time that is not a date', 'items.0.steps.2.t', 12],
      ['an empty model version', 'items.0.model.version', ''],
      ['a missing trainedAt', 'items.0.model.trainedAt', REMOVE],
      ['an unknown baseline', 'items.0.baseline', 'oracle'],
      ['a zero step', 'items.0.stepMinutes', 0],
      ['a fractional step', 'items.0.stepMinutes', 7.5],
      ['a negative MAE', 'items.0.accuracy.0.mae', -1],
      ['a NaN RMSE', 'items.0.accuracy.1.rmse', NaN],
      ['a zero horizon', 'items.0.accuracy.0.horizonMinutes', 0],
      ['a null observation', 'items.0.observed.0.value', null],
      ['an empty corridor id', 'items.0.corridorId', ''],
      ['a null free-flow speed', 'items.0.freeFlowKmh', null],
    ],
  },
  {
    name: 'air forecasts',
    schema: airForecastsResponseSchema,
    payload: () => ({ items: [airForecast(world, 'metro', 'no2', NOW)] }),
    corruptions: [
      ['p10 above p50', 'items.0.steps.3.p10', moreThan('items.0.steps.3.p50'), 'items.0.steps.3'],
      ['p50 above p90', 'items.0.steps.3.p50', moreThan('items.0.steps.3.p90'), 'items.0.steps.3'],
      ['an unknown pollutant', 'items.0.pollutant', 'co2'],
      ['an empty station id', 'items.0.stationId', ''],
      ['a missing unit', 'items.0.unit', REMOVE],
      ['an issuedAt that is not a date', 'items.0.issuedAt', 'now'],
      ['an empty model name', 'items.0.model.name', ''],
      ['a fractional sample count', 'items.0.accuracy.0.samples', 1.5],
    ],
  },
  {
    name: 'alerts',
    schema: alertsResponseSchema,
    payload: alertsPayload,
    corruptions: [
      ['a missing id', 'items.0.id', REMOVE],
      ['an empty category', 'items.0.category', ''],
      ['an unknown severity', 'items.0.severity', 'severe'],
      ['an unknown status', 'items.0.status', 'done'],
      ['a missing dateIssued', 'items.0.dateIssued', REMOVE],
      ['a null description', 'items.0.description', null],
      ['a numeric assignee', 'items.0.assignee', 42],
      ['null coordinates', 'items.0.place.position', [null, null], 'items.0.place.position.0'],
      ['a latitude out of range', 'items.0.place.position.1', 91],
      ['an unknown place kind', 'items.0.place.kind', 'building'],
      ['an unknown audit action', 'items.0.audit.0.action', 'deleted'],
      ['an audit entry without actor', 'items.0.audit.0.actor', REMOVE],
      ['an empty audit actor', 'items.0.audit.0.actor', ''],
      ['a duplicate id', 'items.1.id', at('items.0.id')],
    ],
  },
  {
    name: 'alert patch',
    schema: alertPatchSchema,
    payload: () => alertPatch,
    corruptions: [
      ['an unknown status', 'status', 'solved'],
      ['a note over 2,000 characters', 'note', 'n'.repeat(2001)],
      ['an assignee over 100 characters', 'assignee', 'a'.repeat(101)],
      ['an empty note', 'note', '  '],
      ['a numeric assignee', 'assignee', 7],
      ['an empty assignee object', 'assignee', {}],
      ['nothing to change', 'status', REMOVE, '(root)'],
    ],
  },
  {
    name: 'qkd links',
    schema: qkdLinksResponseSchema,
    payload: () => ({ items: sim.qkdLinks() }),
    corruptions: [
      ['an empty name', 'items.0.name', ''],
      ['an unknown state', 'items.0.state', 'flapping'],
      ['a QBER above 100 %', 'items.0.qberPercent', 101],
      ['a NaN QBER', 'items.0.qberPercent', NaN],
      ['a negative key rate', 'items.0.secretKeyRateKbps', -1],
      ['a zero length', 'items.0.lengthKm', 0],
      [
        'a single endpoint',
        'items.0.endpoints',
        at('items.0.endpoints', (e) => (e as unknown[]).slice(0, 1)),
      ],
      ['null endpoint coordinates', 'items.0.endpoints.1.location', null],
      ['an endpoint latitude out of range', 'items.0.endpoints.0.location.1', 95],
      ['an unknown endpoint kind', 'items.0.endpoints.1.kind', 'satellite'],
      ['a duplicate id', 'items.1.id', at('items.0.id')],
    ],
  },
  {
    name: 'qkd link series',
    schema: qkdLinkSeriesSchema,
    payload: () => sim.qkdLinkSeries(sim.qkdLinks()[0]!.id, 24),
    corruptions: [
      ['a missing link id', 'linkId', REMOVE],
      ['a zero step', 'stepSeconds', 0],
      ['a missing security limit', 'qberSecurityLimitPercent', REMOVE],
      ['a QBER above 100 %', 'qberPercent.3', 101],
      ['a negative key rate', 'secretKeyRateKbps.0', -0.5],
      ['a string stock', 'storedKeysKbit.1', '4000'],
      ['a timestamp that is not a date', 'timestamps.2', 'noon'],
      ['a column shorter than the timestamps', 'consumptionKbps', withoutLast('consumptionKbps')],
      [
        'timestamps longer than the columns',
        'timestamps',
        at('timestamps', (t) => [...(t as string[]), iso(NOW)]),
        'qberPercent',
      ],
    ],
  },
  {
    name: 'health facilities',
    schema: facilitiesResponseSchema,
    payload: () => ({ items: sim.healthFacilities() }),
    corruptions: [
      ['a missing id', 'items.0.id', REMOVE],
      ['an empty name', 'items.0.name', ''],
      ['an unknown kind', 'items.0.kind', 'pharmacy'],
      ['a missing municipality', 'items.0.municipalityId', REMOVE],
      ['null coordinates', 'items.0.location', null],
      ['a latitude out of range', 'items.0.location.1', 91],
      ['a duplicate id', 'items.1.id', at('items.0.id')],
    ],
  },
  {
    name: 'health devices',
    schema: devicesResponseSchema,
    payload: devicesPayload,
    corruptions: [
      ['an unknown state', 'items.0.deviceState', 'broken'],
      ['an unknown category', 'items.0.category', 'stethoscope'],
      ['an empty facility id', 'items.0.facilityId', ''],
      ['a fractional exam count', 'items.0.examsToday', 2.5],
      ['a negative exam count', 'items.0.examsToday', -1],
      ['a negative typical count', 'items.0.examsTypicalByNow', -0.1],
      ['a string data volume', 'items.0.dataSentTodayMB', '120'],
      ['NaN QKD-protected data', 'items.0.dataQkdProtectedTodayMB', NaN],
      [
        'more data QKD-protected than sent',
        'items.0.dataQkdProtectedTodayMB',
        moreThan('items.0.dataSentTodayMB'),
      ],
      ['an empty path', 'items.0.path', [], 'items.0.path.0'],
      [
        'a path that does not start at its site',
        'items.0.path',
        at('items.0.path', (p) => (p as unknown[]).slice(1)),
        'items.0.path.0.kind',
      ],
      ['a site in the middle of the path', 'items.0.path.2.kind', 'site'],
      ['a link hop without protection', 'items.0.path.1.qkdProtected', null],
      ['a hop ending out of range', 'items.0.path.2.to.1', 95],
      ['a site hop without its site', 'items.0.path.0.refId', null],
      ['a string fallback flag', 'items.0.classicalFallback', 'false'],
      ['a date without an offset', 'items.0.dateLastValueReported', '2026-11-25T11:00:00'],
      ['a duplicate id', 'items.1.id', at('items.0.id')],
    ],
  },
  {
    name: 'device series',
    schema: deviceSeriesSchema,
    payload: () => sim.deviceSeries(sim.healthDevices()[0]!.id, 24),
    corruptions: [
      ['a missing device id', 'deviceId', REMOVE],
      ['a zero step', 'stepSeconds', 0],
      ['a from that is not a date', 'from', 'yesterday'],
      ['a fractional exam count', 'exams.3', 0.5],
      ['a negative data volume', 'dataSentMB.2', -1],
      ['a null data volume', 'dataSentMB.2', null],
      ['a string protection flag', 'qkdProtected.0', 'yes'],
      ['a column shorter than the timestamps', 'classicalFallback', withoutLast('classicalFallback')],
      [
        'timestamps longer than the columns',
        'timestamps',
        at('timestamps', (t) => [...(t as string[]), iso(NOW)]),
        'exams',
      ],
    ],
  },
  {
    name: 'response times',
    schema: responseTimesSchema,
    payload: () => sim.responseTimes('day'),
    corruptions: [
      ['an unknown period', 'period', 'quarter'],
      ['a missing previous window', 'previous', REMOVE],
      ['an unknown severity', 'items.0.severity', 'severe'],
      ['a duplicate severity', 'items.1.severity', at('items.0.severity')],
      ['a fractional count', 'items.0.current.alerts', 1.5],
      ['a negative MTTA', 'items.1.current.mttaSeconds', -60],
      ['a missing MTTR', 'total.previous.mttrSeconds', REMOVE],
    ],
  },
  {
    name: 'kpis',
    schema: kpisResponseSchema,
    payload: () => kpisAt(world, 'week', NOW),
    corruptions: [
      ['an unknown period', 'period', 'year'],
      ['a from that is not a date', 'from', 'last week'],
      ['a missing id', 'items.0.id', REMOVE],
      ['an empty label', 'items.0.label', ''],
      ['NaN value', 'items.0.value', NaN],
      ['a string target', 'items.0.target', '99'],
      ['a missing previous', 'items.0.previous', REMOVE],
      ['an unknown direction', 'items.0.direction', 'up'],
      ['a NaN in the trend', 'items.0.trend.2', NaN],
      ['a null unit', 'items.0.unit', null],
      ['a duplicate id', 'items.1.id', at('items.0.id')],
    ],
  },
];

/** Applies a corruption to a fresh copy of the payload and returns the error the client would raise. */
function rejection(resource: Resource, [, path, value]: Corruption): ValidationError | undefined {
  const payload = structuredClone(resource.payload());
  set(payload, path, value instanceof Derived ? value.compute(payload) : value);
  const result = resource.schema.safeParse(payload);
  return result.success ? undefined : new ValidationError(`GET /${resource.name}`, result.error.issues);
}

describe.each(RESOURCES)('the $name schema', (resource) => {
  it('accepts the simulated payload', () => {
    const result = resource.schema.safeParse(resource.payload());
    expect(result.error?.issues).toBeUndefined();
  });

  it.each(resource.corruptions)('rejects %s at %s', (...corruption) => {
    const [, path, , expected = path] = corruption;
    const error = rejection(resource, corruption);
    expect(error, 'the corrupted payload was accepted').toBeInstanceOf(ValidationError);
    expect(error?.fieldPath).toBe(expected);
    expect(error?.message).toContain(`invalid data at ${expected}: `);
  });
});

/**
 * Known gaps: corruptions the schemas should refuse but accept today. Each row fails as written;
 * when the schema is fixed, `it.fails` turns red: move the row into the table above.
 */
describe('what the schemas must still accept', () => {
  const byName = (name: string) => RESOURCES.find((r) => r.name === name)!;
  it.each<[string, string, unknown]>([
    ['alerts', 'items.0.place.position', null],
    ['alerts', 'items.0.place', null],
    ['alerts', 'items.0.assignee', null],
    ['sensors', 'items.0.corridorId', null],
    ['readings', 'items', []],
    ['readings', 'since', '2026-11-25T11:55:00+01:00'],
    ['series', 'values.5', null],
    ['qkd link series', 'qberPercent.5', null],
    ['response times', 'items.0.current.mttaSeconds', null],
    ['kpis', 'items.0.value', null],
    ['kpis', 'items.0.trend.2', null],
    ['alert patch', 'assignee', null],
    ['sites', 'items.0.load', 1],
    ['sites', 'items.0.location', [-180, -90]],
    ['health devices', 'items.0.path.1.refId', null],
    ['health devices', 'items.0.examsTypicalByNow', 2.5],
    ['health devices', 'items.0.path', at('items.0.path', (p) => (p as unknown[]).slice(0, 1))],
  ])('%s with %s set to %j', (name, path, value) => {
    expect(rejection(byName(name), ['', path, value])).toBeUndefined();
  });
});

describe('an answer with more features than the screen can show', () => {
  const big = createSimulation({ now: () => NOW, sensorCount: 60_000 });

  it('is refused for its size, naming the limit, without reading every item', () => {
    const items = big.world.sensors;
    expect(items.length).toBeGreaterThan(MAX_ITEMS_PER_ANSWER);
    const result = sensorsResponseSchema.safeParse({ items });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]).toMatchObject({ path: ['items'], message: 'more than 50,000 items' });
  });

  it('is accepted at the limit', () => {
    const items = big.world.sensors.slice(0, MAX_ITEMS_PER_ANSWER);
    expect(sensorsResponseSchema.safeParse({ items }).error?.issues).toBeUndefined();
  });
});
