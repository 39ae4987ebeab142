import fc from 'fast-check';
import type { z } from 'zod/mini';
import * as arb from '../../test/arbitraries';
import {
  airForecastsResponseSchema,
  dailyAirOutlookSchema,
  placeTrafficForecastSchema,
  POLLUTANTS,
  sensorForecastsResponseSchema,
  trafficForecastsResponseSchema,
} from './forecasts';
import {
  DEVICE_CATEGORIES,
  DEVICE_SERIES_COLUMNS,
  DEVICE_STATES,
  deviceSeriesSchema,
  devicesResponseSchema,
  FACILITY_KINDS,
  facilitiesResponseSchema,
} from './health';
import { kpisResponseSchema, PERIODS } from './kpis';
import { BANDS, coverageResponseSchema, SITE_STATUSES, sitesResponseSchema } from './network';
import {
  ALERT_STATUSES,
  alertPatchSchema,
  alertSchema,
  alertsResponseSchema,
  PLACE_KINDS,
  QKD_SERIES_COLUMNS,
  QKD_STATES,
  qkdLinkSeriesSchema,
  qkdLinksResponseSchema,
  RESPONSE_TIME_PERIODS,
  responseTimesSchema,
  SEVERITIES,
} from './security';
import {
  AIR_LEVELS,
  readingsResponseSchema,
  SENSOR_KINDS,
  sensorsResponseSchema,
  seriesResponseSchema,
} from './sensors';
import { SCENE_FIGURES, storySchema } from './story';
import { territorySchema } from './territory';

const RUNS = { numRuns: 1000 };
// A thousand runs can outlast the default 5 s on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

type Key = string | number;
type Path = Key[];
type Node = Record<Key, unknown>;
const DELETE = Symbol('delete');

interface Range {
  min: number;
  max?: number;
  minExcluded?: boolean;
  int?: boolean;
}
const NON_NEGATIVE: Range = { min: 0 };
const POSITIVE: Range = { min: 0, minExcluded: true };
const COUNT: Range = { min: 0, int: true };
const POSITIVE_INT: Range = { min: 1, int: true };
const RATIO: Range = { min: 0, max: 1 };
const PERCENT: Range = { min: 0, max: 100 };

/**
 * What the app relies on in one answer, by path pattern (`*` is any index or key): where the
 * positions, enums, unique keys, dates, non-blank texts, ranges and ordered quantiles are.
 */
interface Spec {
  name: string;
  schema: z.ZodMiniType;
  valid: fc.Arbitrary<unknown>;
  positions?: string[];
  lons?: string[];
  lats?: string[];
  enums?: [string, readonly unknown[]][];
  unique?: [list: string, key: string][];
  dates?: string[];
  days?: string[];
  texts?: string[];
  ranges?: [string, Range][];
  quantiles?: string[];
  minItems?: [string, number][];
  /** Keys the schema lets an answer leave out. */
  optional?: string[];
  /** Further invariants of an accepted answer, as failure messages. */
  invariants?: (data: Node) => string[];
  /** Further edits the schema must refuse. */
  breaks?: (data: Node) => Break[];
}

interface Break {
  label: string;
  edits: [Path, unknown][];
}

function select(root: unknown, pattern: string): { path: Path; value: unknown }[] {
  let found: { path: Path; value: unknown }[] = [{ path: [], value: root }];
  for (const segment of pattern ? pattern.split('.') : []) {
    const next: { path: Path; value: unknown }[] = [];
    for (const { path, value } of found) {
      if (value === null || typeof value !== 'object') continue;
      const node = value as Node;
      if (Array.isArray(value)) {
        if (segment === '*') value.forEach((v, i) => next.push({ path: [...path, i], value: v }));
        else if (Number(segment) < value.length)
          next.push({ path: [...path, Number(segment)], value: value[Number(segment)] });
      } else if (segment === '*') {
        for (const k in node) next.push({ path: [...path, k], value: node[k] });
      } else if (Object.hasOwn(node, segment)) next.push({ path: [...path, segment], value: node[segment] });
    }
    found = next;
  }
  return found;
}

/** Every path in a value, the root included. */
function allPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => allPaths(v, [...path, i], out));
  else if (value !== null && typeof value === 'object')
    for (const k in value as Node) allPaths((value as Node)[k], [...path, k], out);
  return out;
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Node)[key], root);
}

/**
 * A copy of `root` with the edits applied, copying only the nodes on each edited path (the rest is
 * shared, which is safe: safeParse does not write to its input); `DELETE` removes a key or an item.
 */
function edited(root: unknown, edits: readonly [Path, unknown][]): unknown {
  const write = (node: unknown, path: Path, depth: number, value: unknown): unknown => {
    if (depth === path.length) return value;
    const key = path[depth]!;
    const copy = (Array.isArray(node) ? [...node] : { ...(node as Node) }) as Node;
    const next = write((node as Node)[key], path, depth + 1, value);
    if (next !== DELETE) copy[key] = next;
    else if (Array.isArray(copy)) copy.splice(Number(key), 1);
    else delete copy[key];
    return copy;
  };
  let result = root;
  for (const [path, value] of edits) result = write(result, path, 0, value);
  return result === DELETE ? undefined : result;
}

const show = (path: Path) => path.join('.') || '(root)';
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value !== 'object') return true;
  for (const k in value as Node) if (!allFinite((value as Node)[k])) return false;
  return true;
}
const inRange = (n: unknown, r: Range) =>
  typeof n === 'number' &&
  Number.isFinite(n) &&
  (r.minExcluded ? n > r.min : n >= r.min) &&
  (r.max === undefined || n <= r.max) &&
  (!r.int || Number.isInteger(n));
const isLon = (n: unknown) => inRange(n, { min: -180, max: 180 });
const isLat = (n: unknown) => inRange(n, { min: -90, max: 90 });
const parses = (s: unknown) => typeof s === 'string' && Number.isFinite(Date.parse(s));

/** Everything an accepted answer must satisfy for the screens that draw it. */
function violations(spec: Spec, data: unknown): string[] {
  const out: string[] = [];
  const each = (patterns: string[] | undefined, ok: (v: unknown) => boolean, what: string) => {
    for (const pattern of patterns ?? [])
      for (const { path, value } of select(data, pattern))
        if (!ok(value)) out.push(`${what} at ${show(path)}: ${String(value)}`);
  };
  if (!allFinite(data)) out.push('a number that is not finite');
  each(
    spec.positions,
    (v) => v === null || (Array.isArray(v) && v.length === 2 && isLon(v[0]) && isLat(v[1])),
    'a position out of range',
  );
  each(spec.lons, isLon, 'a longitude out of range');
  each(spec.lats, isLat, 'a latitude out of range');
  for (const [pattern, values] of spec.enums ?? [])
    each([pattern], (v) => values.includes(v), 'an unknown value');
  for (const [list, key] of spec.unique ?? [])
    each(
      [list],
      (items) => {
        const keys = (items as Node[]).map((item) => item[key]);
        return new Set(keys).size === keys.length;
      },
      `a duplicate ${key}`,
    );
  each(spec.dates, (v) => v === null || parses(v), 'a date-time the app cannot read');
  each(spec.days, (v) => parses(v) && /^\d{4}-\d{2}-\d{2}$/.test(String(v)), 'a date the app cannot read');
  each(
    spec.texts,
    (v) => v === null || (typeof v === 'string' && v.trim() === v && v !== ''),
    'a blank text',
  );
  for (const [pattern, range] of spec.ranges ?? [])
    each([pattern], (v) => v === null || inRange(v, range), 'a number out of range');
  each(
    spec.quantiles,
    (q) => {
      const { p10, p50, p90 } = q as Record<string, number>;
      return p10! <= p50! && p50! <= p90!;
    },
    'quantiles out of order',
  );
  for (const [pattern, n] of spec.minItems ?? [])
    each([pattern], (v) => Array.isArray(v) && v.length >= n, `fewer than ${n} items`);
  if (out.length === 0 && spec.invariants) out.push(...spec.invariants(data as Node));
  return out;
}

/** A value of another JSON type than `value`, which no schema here may take in its place. */
function otherType(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return 42;
  if (typeof value === 'boolean') return String(value);
  if (value === null) return {};
  if (Array.isArray(value)) return {};
  return [];
}

interface Junk {
  excess: number;
  below: boolean;
  word: string;
}

type Breaker = (data: unknown, junk: Junk, spec: Spec) => Break[];
const one = (label: string, path: Path, value: unknown): Break => ({ label, edits: [[path, value]] });
const at = (data: unknown, patterns: string[] | undefined) =>
  (patterns ?? []).flatMap((p) => select(data, p));
const outside = (junk: Junk, min: number, max: number) =>
  junk.below ? min - junk.excess : max + junk.excess;

/** Kinds of edit that break an answer's contract: each gives the edits of its kind for one answer. */
const BREAKERS: Breaker[] = [
  (data) => allPaths(data).map((path) => one('a value of another type', path, otherType(getAt(data, path)))),
  (data) =>
    allPaths(data).flatMap((path) => {
      const value = getAt(data, path);
      return typeof value === 'number' ? [NaN, Infinity, -Infinity].map((n) => one(`${n}`, path, n)) : [];
    }),
  (data, _, spec) => {
    const optional = new Set(spec.optional ?? []);
    return allPaths(data)
      .filter((path) => {
        const parent = path.length ? getAt(data, path.slice(0, -1)) : undefined;
        return parent && !Array.isArray(parent) && !optional.has(path.join('.'));
      })
      .map((path) => one('a missing key', path, DELETE));
  },
  (data, junk, spec) =>
    at(data, spec.positions).flatMap(({ path, value }) =>
      Array.isArray(value)
        ? [
            one('a longitude out of range', [...path, 0], outside(junk, -180, 180)),
            one('a latitude out of range', [...path, 1], outside(junk, -90, 90)),
            one('a third coordinate', path, [...value, 0]),
          ]
        : [],
    ),
  (data, junk, spec) => [
    ...at(data, spec.lons).map(({ path }) => one('a longitude out of range', path, outside(junk, -180, 180))),
    ...at(data, spec.lats).map(({ path }) => one('a latitude out of range', path, outside(junk, -90, 90))),
  ],
  (data, junk, spec) =>
    (spec.enums ?? []).flatMap(([pattern, values]) =>
      select(data, pattern).flatMap(({ path, value }) => [
        one('an unknown enum value', path, values.includes(junk.word) ? `${junk.word}?` : junk.word),
        one('an enum value in other letters', path, `${String(value).toUpperCase()}!`),
      ]),
    ),
  (data, _, spec) =>
    (spec.unique ?? []).flatMap(([list, key]) =>
      select(data, list).flatMap(({ path, value }) => {
        const items = value as Node[];
        if (items.length < 2) return [];
        const first = items[0]![key];
        return [
          one(`a duplicate ${key}`, [...path, items.length - 1, key], first),
          ...(typeof first === 'string'
            ? [one(`a duplicate ${key} once trimmed`, [...path, 1, key], ` ${first} `)]
            : []),
        ];
      }),
    ),
  (data, _, spec) =>
    at(data, spec.texts).flatMap(({ path }) => [
      one('an empty text', path, ''),
      one('a blank text', path, ' \t\n'),
    ]),
  (data, _, spec) => [
    ...at(data, spec.dates).flatMap(({ path }) =>
      ['2026-02-30T10:00:00Z', '2026-11-25T10:00:00', '2026-11-25T24:00:00Z', 'yesterday'].map((bad) =>
        one('a date-time that is not one', path, bad),
      ),
    ),
    ...at(data, spec.days).flatMap(({ path }) =>
      ['2026-02-29', '2026-1-5', '2026-11-25T00:00:00Z'].map((bad) =>
        one('a date that is not one', path, bad),
      ),
    ),
  ],
  (data, junk, spec) =>
    (spec.ranges ?? []).flatMap(([pattern, range]) =>
      select(data, pattern).flatMap(({ path }) => [
        one('a number below its range', path, range.minExcluded ? range.min : range.min - junk.excess),
        ...(range.max === undefined ? [] : [one('a number above its range', path, range.max + junk.excess)]),
        ...(range.int ? [one('a fraction', path, range.min + 0.5)] : []),
      ]),
    ),
  (data, _, spec) =>
    at(data, spec.quantiles).flatMap(({ path, value }) => {
      const { p10, p90 } = value as Record<string, number>;
      return p10! < p90!
        ? [
            {
              label: 'quantiles out of order',
              edits: [
                [[...path, 'p10'], p90],
                [[...path, 'p90'], p10],
              ] as [Path, unknown][],
            },
          ]
        : [];
    }),
  (data, _, spec) =>
    (spec.minItems ?? []).flatMap(([pattern, n]) =>
      select(data, pattern).map(({ path, value }) =>
        one(`fewer than ${n} items`, path, (value as unknown[]).slice(0, n - 1)),
      ),
    ),
  (data, _, spec) => spec.breaks?.(data as Node) ?? [],
];

/**
 * One edit of a valid answer that breaks its contract: a kind picked by `pick`, the next kind
 * when that one has nothing to break in this answer (a type change always has).
 */
function contractBreak(spec: Spec, data: unknown, junk: Junk, pick: number): Break {
  for (let i = 0; ; i++) {
    const breaks = BREAKERS[(pick + i) % BREAKERS.length]!(data, junk, spec);
    if (breaks.length) return breaks[Math.floor(pick / BREAKERS.length) % breaks.length]!;
  }
}

const junk: fc.Arbitrary<Junk> = fc.record({
  excess: fc.oneof(fc.double({ min: 1e-9, max: 1e300, noNaN: true }), fc.constantFrom(1, 320, 1e308)),
  below: fc.boolean(),
  word: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('unknown', 'exploded', 'Online', ' open', '')),
});

/** Values a careless or hostile backend sends anywhere. */
const nasty = fc.oneof(
  fc.constantFrom(
    DELETE,
    NaN,
    Infinity,
    -Infinity,
    null,
    '',
    '   ',
    500,
    -100,
    181,
    -91,
    1e308,
    -1e308,
    -1,
    -0,
    1.5,
    'unknown',
    '<img src=x onerror=alert(1)>',
    {},
    [],
    true,
    '2026-02-30T00:00:00Z',
    '2026-11-25T10:00:00',
    'Mars/Olympus',
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

const item = (list: string, keys: string[]) => keys.map((k) => `${list}.*.${k}`);
const forecastPaths = (at: string) => ({
  texts: [`${at}model.name`, `${at}model.version`],
  dates: [
    `${at}model.trainedAt`,
    `${at}issuedAt`,
    ...item(`${at}steps`, ['t']),
    ...item(`${at}observed`, ['t']),
  ],
  enums: [[`${at}baseline`, ['persistence', 'historical-average']]] as [string, readonly unknown[]][],
  quantiles: [`${at}steps.*`],
  unique: [[`${at}accuracy`, 'horizonMinutes']] as [string, string][],
  ranges: [
    [`${at}stepMinutes`, POSITIVE_INT],
    ...item(`${at}accuracy`, [
      'mae',
      'rmse',
      'mape',
      'baselineMae',
      'baselineRmse',
      'baselineMape',
      'seasonalMae',
    ]).map((p) => [p, NON_NEGATIVE] as [string, Range]),
    [`${at}accuracy.*.horizonMinutes`, POSITIVE_INT],
    [`${at}accuracy.*.samples`, COUNT],
    [`${at}hindcast.*.horizonMinutes`, POSITIVE_INT],
  ] as [string, Range][],
  extraDates: [`${at}hindcast.*.t`],
});

function trafficForecastSpec(at: string) {
  const f = forecastPaths(at);
  return {
    texts: f.texts,
    dates: [...f.dates, ...f.extraDates],
    enums: f.enums,
    quantiles: f.quantiles,
    unique: f.unique,
    ranges: [...f.ranges, [`${at}freeFlowKmh`, POSITIVE]] as [string, Range][],
  };
}

function alertSpec(at: string) {
  return {
    texts: [
      ...['id', 'category', 'subCategory', 'source'].map((k) => `${at}${k}`),
      `${at}place.refId`,
      `${at}place.municipalityId`,
      `${at}audit.*.actor`,
    ],
    enums: [
      [`${at}severity`, SEVERITIES],
      [`${at}status`, ALERT_STATUSES],
      [`${at}place.kind`, PLACE_KINDS],
      [`${at}audit.*.action`, ['created', 'status', 'assigned', 'note']],
    ] as [string, readonly unknown[]][],
    dates: [`${at}dateIssued`, `${at}audit.*.at`],
    positions: [`${at}place.position`],
  };
}

const zones = new Map<unknown, boolean>();
const validTimeZone = (zone: unknown) => {
  if (!zones.has(zone))
    try {
      new Intl.DateTimeFormat('en', { timeZone: String(zone) });
      zones.set(zone, true);
    } catch {
      zones.set(zone, false);
    }
  return zones.get(zone)!;
};

const figures = ['items.*.current', 'items.*.previous', 'total.current', 'total.previous'];

const SPECS: Spec[] = [
  {
    name: 'territory',
    schema: territorySchema,
    valid: arb.territory,
    positions: [
      'centre',
      'municipalities.*.centroid',
      'municipalities.*.boundary.coordinates.*.*',
      'corridors.*.path.*',
      'waterways.*.path.*',
    ],
    lons: ['bounds.0', 'bounds.2'],
    lats: ['bounds.1', 'bounds.3'],
    enums: [
      ['municipalities.*.boundary.type', ['Polygon']],
      ['corridors.*.kind', ['motorway', 'ring', 'arterial']],
      ['waterways.*.kind', ['river', 'canal', 'lake']],
    ],
    unique: [
      ['municipalities', 'id'],
      ['corridors', 'id'],
      ['waterways', 'id'],
    ],
    texts: [
      'id',
      'name',
      ...['municipalities', 'corridors', 'waterways'].flatMap((l) => item(l, ['id', 'name'])),
    ],
    ranges: [
      ['zoom', { min: 0, max: 22 }],
      ['municipalities.*.population', COUNT],
      ['municipalities.*.areaKm2', NON_NEGATIVE],
      ['corridors.*.freeFlowKmh', POSITIVE],
    ],
    minItems: [
      ['municipalities', 1],
      ['municipalities.*.boundary.coordinates', 1],
      ['municipalities.*.boundary.coordinates.*', 4],
      ['corridors.*.path', 2],
      ['waterways.*.path', 2],
    ],
  },
  {
    name: 'story',
    schema: storySchema,
    valid: arb.story,
    positions: ['scenes.*.camera.centre'],
    unique: [['scenes', 'id']],
    texts: [...item('scenes', ['id', 'view', 'title']), 'scenes.*.layers.*'],
    enums: [['scenes.*.figures.*', SCENE_FIGURES]],
    ranges: [
      ['scenes.*.camera.zoom', { min: 0, max: 22 }],
      ['scenes.*.timeOffsetMinutes', { min: -1440, max: 1440, int: true }],
    ],
  },
  {
    name: 'sites',
    schema: sitesResponseSchema,
    valid: arb.sitesResponse,
    positions: ['items.*.location'],
    enums: [
      ['items.*.status', SITE_STATUSES],
      ['items.*.bands.*', BANDS],
    ],
    unique: [['items', 'id']],
    texts: item('items', ['id', 'name', 'municipalityId', 'operator']),
    dates: ['items.*.dateLastValueReported'],
    ranges: [
      ...item('items', ['throughputDlMbps', 'throughputUlMbps', 'latencyMs', 'leaseRevenueEurPerYear']).map(
        (p) => [p, NON_NEGATIVE] as [string, Range],
      ),
      ['items.*.load', RATIO],
      ['items.*.connectedDevices', COUNT],
    ],
    minItems: [['items.*.bands', 1]],
  },
  {
    name: 'coverage',
    schema: coverageResponseSchema,
    valid: arb.coverageResponse,
    positions: ['cells.*.centre'],
    enums: [['band', BANDS]],
    unique: [['cells', 'id']],
    texts: ['cells.*.id'],
    dates: ['generatedAt'],
    ranges: [
      ['hexRadiusM', POSITIVE],
      ['cells.*.ssRsrpDbm', { min: -160, max: -20 }],
      ['cells.*.expectedDlMbps', NON_NEGATIVE],
    ],
  },
  {
    name: 'sensors',
    schema: sensorsResponseSchema,
    valid: arb.sensorsResponse,
    positions: ['items.*.location'],
    enums: [['items.*.kind', SENSOR_KINDS]],
    unique: [['items', 'id']],
    texts: item('items', ['id', 'name', 'municipalityId', 'corridorId']),
    ranges: [['items.*.cadenceSeconds', POSITIVE_INT]],
  },
  {
    name: 'readings',
    schema: readingsResponseSchema,
    valid: arb.readingsResponse,
    enums: [
      ['items.*.kind', SENSOR_KINDS],
      ['items.*.airQualityLevel', AIR_LEVELS],
    ],
    unique: [['items', 'sensorId']],
    texts: ['items.*.sensorId'],
    dates: ['generatedAt', 'since', 'items.*.dateObserved'],
    ranges: [
      ...item('items', [...POLLUTANTS, 'intensity', 'averageVehicleSpeed', 'windSpeed', 'precipitation']).map(
        (p) => [p, NON_NEGATIVE] as [string, Range],
      ),
      ['items.*.airQualityIndex', { min: 1, max: 6, int: true }],
      ['items.*.occupancy', RATIO],
      ['items.*.laeq', { min: 0, max: 200 }],
      ['items.*.temperature', { min: -60, max: 60 }],
      ['items.*.relativeHumidity', PERCENT],
    ],
  },
  {
    name: 'series',
    schema: seriesResponseSchema,
    valid: arb.seriesResponse,
    texts: ['sensorId', 'metric'],
    dates: ['from', 'to', 'timestamps.*'],
    invariants: (data) =>
      (data.values as unknown[]).length === (data.timestamps as unknown[]).length
        ? []
        : ['values and timestamps differ in length'],
    breaks: (data) => [
      { label: 'one value more', edits: [[['values'], [...(data.values as unknown[]), 1]]] },
      {
        label: 'one timestamp more',
        edits: [[['timestamps'], [...(data.timestamps as unknown[]), data.from]]],
      },
    ],
  },
  {
    name: 'traffic forecasts',
    schema: trafficForecastsResponseSchema,
    valid: arb.trafficForecastsResponse,
    ...(() => {
      const s = trafficForecastSpec('items.*.');
      return { ...s, unique: [...s.unique, ['items', 'corridorId']] as [string, string][] };
    })(),
  },
  {
    name: 'place traffic forecast',
    schema: placeTrafficForecastSchema,
    valid: arb.placeTrafficForecast,
    ...(() => {
      const s = trafficForecastSpec('');
      return {
        ...s,
        texts: [...s.texts, 'place.id'],
        enums: [...s.enums, ['place.kind', ['municipality', 'sensor']]] as [string, readonly unknown[]][],
      };
    })(),
  },
  {
    name: 'air forecasts',
    schema: airForecastsResponseSchema,
    valid: arb.airForecastsResponse,
    ...(() => {
      const f = forecastPaths('items.*.');
      return {
        texts: [...f.texts, 'items.*.stationId'],
        dates: [...f.dates, ...f.extraDates],
        enums: [...f.enums, ['items.*.pollutant', POLLUTANTS]] as [string, readonly unknown[]][],
        quantiles: f.quantiles,
        unique: f.unique,
        // The outlook names the EAQI band of the peak median, which has no band below zero.
        ranges: [...f.ranges, ['items.*.steps.*.p10', NON_NEGATIVE]] as [string, Range][],
      };
    })(),
  },
  {
    name: 'sensor forecasts',
    schema: sensorForecastsResponseSchema,
    valid: arb.sensorForecastsResponse,
    enums: [['items.*.kind', ['traffic', 'air']]],
    unique: [['items', 'sensorId']],
    texts: ['items.*.sensorId', 'models.*.name', 'models.*.version'],
    dates: ['validAt', 'models.*.trainedAt', 'models.*.issuedAt'],
    quantiles: item('items', ['intensity', 'averageVehicleSpeed', 'occupancy', ...POLLUTANTS]),
    ranges: [
      ['items.*.airQualityIndex', { min: 1, max: 6, int: true }],
      // Each median is drawn as a reading, whose quantities are never negative.
      ...item('items', ['intensity', 'averageVehicleSpeed', 'occupancy', ...POLLUTANTS]).map(
        (p) => [`${p}.p10`, NON_NEGATIVE] as [string, Range],
      ),
    ],
  },
  {
    name: 'daily air outlook',
    schema: dailyAirOutlookSchema,
    valid: arb.dailyAirOutlook,
    enums: [['pollutant', POLLUTANTS]],
    texts: ['timeZone', 'items.*.stationId', 'model.name', 'model.version'],
    dates: ['issuedAt', 'model.trainedAt'],
    days: ['items.*.days.*.date'],
    quantiles: ['items.*.days.*.mean'],
    ranges: [['items.*.days.*.hours', { min: 1, max: 25, int: true }]],
    // The territory's days are told in this zone: Intl refuses a zone it does not know.
    invariants: (data) =>
      validTimeZone(data.timeZone) ? [] : [`an unknown time zone ${String(data.timeZone)}`],
    breaks: () =>
      ['Mars/Olympus', 'Europe/Milano', 'local'].map((zone) => ({
        label: 'an unknown time zone',
        edits: [[['timeZone'], zone]],
      })),
  },
  {
    name: 'alerts',
    schema: alertsResponseSchema,
    valid: arb.alertsResponse,
    unique: [['items', 'id']],
    ...alertSpec('items.*.'),
  },
  { name: 'alert', schema: alertSchema, valid: arb.alert, ...alertSpec('') },
  {
    name: 'alert patch',
    schema: alertPatchSchema,
    valid: arb.alertPatch,
    texts: ['actor', 'note'],
    enums: [['status', ALERT_STATUSES]],
    optional: ['status', 'assignee', 'note'],
    invariants: (data) =>
      data.status !== undefined || data.assignee !== undefined || data.note !== undefined
        ? []
        : ['a patch that changes nothing'],
    breaks: () => [
      {
        label: 'nothing to change',
        edits: [
          [['status'], DELETE],
          [['assignee'], DELETE],
          [['note'], DELETE],
        ],
      },
    ],
  },
  {
    name: 'qkd links',
    schema: qkdLinksResponseSchema,
    valid: arb.qkdLinksResponse,
    positions: ['items.*.endpoints.*.location'],
    enums: [
      ['items.*.state', QKD_STATES],
      ['items.*.endpoints.*.kind', ['data-centre', 'site', 'campus']],
    ],
    unique: [['items', 'id']],
    texts: [...item('items', ['id', 'name']), 'items.*.endpoints.*.id', 'items.*.endpoints.*.name'],
    dates: ['items.*.dateLastValueReported'],
    ranges: [
      ['items.*.qberPercent', PERCENT],
      ['items.*.qberAlarmPercent', PERCENT],
      ...item('items', ['secretKeyRateKbps', 'storedKeysKbit', 'consumptionKbps']).map(
        (p) => [p, NON_NEGATIVE] as [string, Range],
      ),
      ['items.*.lengthKm', POSITIVE],
    ],
    minItems: [['items.*.endpoints', 2]],
  },
  {
    name: 'qkd link series',
    schema: qkdLinkSeriesSchema,
    valid: arb.qkdLinkSeries,
    texts: ['linkId'],
    dates: ['from', 'to', 'timestamps.*'],
    ranges: [
      ['stepSeconds', POSITIVE],
      ['qberAlarmPercent', PERCENT],
      ['qberSecurityLimitPercent', PERCENT],
      ['qberPercent.*', PERCENT],
      ['secretKeyRateKbps.*', NON_NEGATIVE],
      ['storedKeysKbit.*', NON_NEGATIVE],
      ['consumptionKbps.*', NON_NEGATIVE],
    ],
    invariants: (data) =>
      QKD_SERIES_COLUMNS.filter(
        (c) => (data[c] as unknown[]).length !== (data.timestamps as unknown[]).length,
      ).map((c) => `${c} and timestamps differ in length`),
    breaks: (data) =>
      QKD_SERIES_COLUMNS.map((c) => ({
        label: `one ${c} more`,
        edits: [[[c], [...(data[c] as unknown[]), null]]],
      })),
  },
  {
    name: 'health facilities',
    schema: facilitiesResponseSchema,
    valid: arb.facilitiesResponse,
    positions: ['items.*.location'],
    enums: [['items.*.kind', FACILITY_KINDS]],
    unique: [['items', 'id']],
    texts: item('items', ['id', 'name', 'municipalityId']),
  },
  {
    name: 'health devices',
    schema: devicesResponseSchema,
    valid: arb.devicesResponse,
    positions: ['items.*.location', 'items.*.path.*.to'],
    enums: [
      ['items.*.deviceState', DEVICE_STATES],
      ['items.*.category', DEVICE_CATEGORIES],
      ['items.*.path.*.kind', ['site', 'fibre', 'qkd-link']],
    ],
    unique: [['items', 'id']],
    texts: [
      ...item('items', ['id', 'name', 'facilityId', 'municipalityId']),
      ...item('items.*.path', ['refId', 'name']),
    ],
    dates: ['items.*.dateLastValueReported'],
    ranges: [
      ['items.*.examsToday', COUNT],
      ...item('items', ['examsTypicalByNow', 'dataSentTodayMB', 'dataQkdProtectedTodayMB']).map(
        (p) => [p, NON_NEGATIVE] as [string, Range],
      ),
    ],
    minItems: [['items.*.path', 1]],
    // A path starts at its site, then crosses links; no more data is QKD-protected than was sent.
    invariants: (data) =>
      (data.items as Node[]).flatMap((device, i) => {
        const path = device.path as Node[];
        const kinds = path.map((hop) => hop.kind);
        return [
          ...(kinds[0] === 'site' && kinds.slice(1).every((k) => k !== 'site')
            ? []
            : [`a path of ${kinds.join(', ')} at items.${i}`]),
          ...(path.slice(1).every((hop) => typeof hop.qkdProtected === 'boolean')
            ? []
            : [`a link hop without its protection at items.${i}`]),
          ...((device.dataQkdProtectedTodayMB as number) <= (device.dataSentTodayMB as number)
            ? []
            : [`more data QKD-protected than sent at items.${i}`]),
        ];
      }),
    breaks: (data) =>
      (data.items as Node[]).slice(0, 1).flatMap((device) => [
        {
          label: 'more data QKD-protected than sent',
          edits: [[['items', 0, 'dataQkdProtectedTodayMB'], (device.dataSentTodayMB as number) * 2 + 1]],
        },
        {
          label: 'a path without its site',
          edits: [[['items', 0, 'path'], (device.path as unknown[]).slice(1)]],
        },
        {
          label: 'a site hop after the first',
          edits: [[['items', 0, 'path', 1], (device.path as unknown[])[0]]],
        },
      ]) as Break[],
  },
  {
    name: 'device series',
    schema: deviceSeriesSchema,
    valid: arb.deviceSeries,
    texts: ['deviceId'],
    dates: ['from', 'to', 'timestamps.*'],
    ranges: [
      ['stepSeconds', POSITIVE],
      ['exams.*', COUNT],
      ['dataSentMB.*', NON_NEGATIVE],
    ],
    invariants: (data) =>
      DEVICE_SERIES_COLUMNS.filter(
        (c) => (data[c] as unknown[]).length !== (data.timestamps as unknown[]).length,
      ).map((c) => `${c} and timestamps differ in length`),
    breaks: (data) =>
      DEVICE_SERIES_COLUMNS.map((c) => ({
        label: `one ${c} more`,
        edits: [[[c], [...(data[c] as unknown[]), c === 'exams' || c === 'dataSentMB' ? 0 : false]]],
      })),
  },
  {
    name: 'response times',
    schema: responseTimesSchema,
    valid: arb.responseTimesAnswer,
    enums: [
      ['period', RESPONSE_TIME_PERIODS],
      ['items.*.severity', SEVERITIES],
    ],
    unique: [['items', 'severity']],
    dates: ['current.from', 'current.to', 'previous.from', 'previous.to'],
    ranges: figures.flatMap((f) => [
      [`${f}.alerts`, COUNT] as [string, Range],
      [`${f}.acknowledged`, COUNT] as [string, Range],
      [`${f}.resolved`, COUNT] as [string, Range],
      [`${f}.mttaSeconds`, NON_NEGATIVE] as [string, Range],
      [`${f}.mttrSeconds`, NON_NEGATIVE] as [string, Range],
    ]),
  },
  {
    name: 'kpis',
    schema: kpisResponseSchema,
    valid: arb.kpisResponse,
    enums: [
      ['period', PERIODS],
      ['items.*.direction', ['higher-is-better', 'lower-is-better']],
    ],
    unique: [['items', 'id']],
    texts: item('items', ['id', 'label']),
    dates: ['from', 'to'],
  },
];

/** Fails the property with a message (cheaper than `expect` a thousand times over). */
function check(ok: boolean, message: () => string) {
  if (!ok) throw new Error(message());
}
const fitToDraw = (spec: Spec, data: unknown) => {
  const found = violations(spec, data);
  check(found.length === 0, () => `accepted, yet ${found.join('; ')}`);
};

// safeParse is called bare: a throw fails the property like a broken invariant does.
describe.each(SPECS)('the $name schema, on generated input', (spec) => {
  it('never throws on arbitrary values, and whatever it accepts is fit to draw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 })), (input) => {
        const result = spec.schema.safeParse(input);
        if (result.success) fitToDraw(spec, result.data);
      }),
      RUNS,
    );
  });

  it('never throws on a valid answer corrupted anywhere, and accepts only what is fit to draw', () => {
    fc.assert(
      fc.property(spec.valid, fc.nat(), fc.nat(), nasty, (valid, at, from, value) => {
        const paths = allPaths(valid);
        const path = paths[at % paths.length]!;
        // Half the time the corruption copies another value of the answer: an id, a position, a date.
        const source = paths[from % paths.length]!;
        const corrupted = edited(valid, [[path, from % 2 ? value : getAt(valid, source)]]);
        const result = spec.schema.safeParse(corrupted);
        if (result.success) fitToDraw(spec, result.data);
      }),
      RUNS,
    );
  });

  it('accepts every answer built to its shape, fit to draw, and refuses it once its contract is broken', () => {
    fc.assert(
      fc.property(spec.valid, fc.nat(), junk, (valid, pick, j) => {
        const result = spec.schema.safeParse(valid);
        check(result.success, () => `a valid answer was refused: ${JSON.stringify(result.error?.issues)}`);
        fitToDraw(spec, result.data);
        const broken = contractBreak(spec, valid, j, pick);
        check(
          !spec.schema.safeParse(edited(valid, broken.edits)).success,
          () => `${broken.label} at ${broken.edits.map(([p]) => show(p)).join(', ')} was accepted`,
        );
      }),
      RUNS,
    );
  });
});
