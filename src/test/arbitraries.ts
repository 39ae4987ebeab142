import fc from 'fast-check';
import type {
  AirForecast,
  DailyAirOutlook,
  ForecastStep,
  Pollutant,
  Quantiles,
  SensorForecastsResponse,
  SensorPrediction,
  TrafficForecast,
} from '../api/schemas/forecasts';
import { POLLUTANTS } from '../api/schemas/forecasts';
import type { Kpi, KpisResponse } from '../api/schemas/kpis';
import { PERIODS } from '../api/schemas/kpis';
import type { CoverageResponse, Site } from '../api/schemas/network';
import { BANDS, SITE_STATUSES } from '../api/schemas/network';
import type {
  Alert,
  AlertPatch,
  AuditEntry,
  QkdLink,
  QkdLinkSeries,
  ResponseFigures,
  ResponseTimes,
} from '../api/schemas/security';
import {
  ALERT_STATUSES,
  PLACE_KINDS,
  QKD_STATES,
  RESPONSE_TIME_PERIODS,
  SEVERITIES,
} from '../api/schemas/security';
import type { Reading, SeriesResponse, Sensor } from '../api/schemas/sensors';
import { AIR_LEVELS, SENSOR_KINDS } from '../api/schemas/sensors';
import type { Story } from '../api/schemas/story';
import type { Territory } from '../api/schemas/territory';

/**
 * Arbitraries of answers the API schemas accept, built from each schema's shape, for property
 * tests. Lists are kept short; numbers reach the extremes the schemas allow.
 */

/** The first and last instants a four-digit ISO year can write, with room for a ±14 h offset. */
const MIN_MS = Date.parse('0001-01-01T12:00:00Z');
const MAX_MS = Date.parse('9999-12-31T09:00:00Z');

/** Strings as a backend may send them: any printable text, markup, CSV-hostile and very long text. */
export const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 16, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      'Milano, "centro"\nnord',
      '=HYPERLINK("http://x")',
      'Cinisello Balsamo – Sesto San Giovanni ✓ 東京 🚦',
      'x'.repeat(3000),
      '\u200b',
      ' padded ',
    ),
  },
);
/** What `nonEmptyString` accepts: some non-blank text (the schema trims it). */
export const nonEmpty = text.filter((s) => s.trim().length > 0);

/** Mostly recent instants, sometimes the extremes. */
export const ms = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }) },
  { weight: 1, arbitrary: fc.integer({ min: MIN_MS, max: MAX_MS }) },
);

/** An ISO 8601 date-time with an offset: `Z`, `+hh:mm` or `-hh:mm`, with or without milliseconds. */
export const isoDateTime = fc
  .tuple(ms, fc.integer({ min: -12 * 60, max: 14 * 60 }), fc.boolean(), fc.boolean())
  .map(([t, offsetMin, utc, millis]) => {
    const shown = new Date(t + (utc ? 0 : offsetMin * 60_000)).toISOString();
    const body = millis ? shown.slice(0, 23) : shown.slice(0, 19);
    if (utc) return `${body}Z`;
    const sign = offsetMin < 0 ? '-' : '+';
    const abs = Math.abs(offsetMin);
    return `${body}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  });
export const isoDate = ms.map((t) => new Date(t).toISOString().slice(0, 10));

export const longitude = fc.double({ min: -180, max: 180, noNaN: true });
export const latitude = fc.double({ min: -90, max: 90, noNaN: true });
export const lonLat = fc.tuple(longitude, latitude);

/** Any finite number, from the tiny to the huge. */
export const finite = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer(),
);
export const nonNegative = fc.oneof(
  fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: 1e4, noNaN: true }),
  fc.constant(0),
);
export const ratio = fc.double({ min: 0, max: 1, noNaN: true });
export const positive = nonNegative.filter((n) => n > 0);
export const positiveInt = fc.integer({ min: 1, max: 1_000_000 });
export const count = fc.nat({ max: 1_000_000 });

/** A list whose items differ by `key` once trimmed, as `uniqueBy` wants. */
export function uniqueList<T, K extends keyof T>(
  item: fc.Arbitrary<T>,
  key: K,
  maxLength = 4,
  minLength = 0,
) {
  return fc.uniqueArray(item, {
    selector: (x) => (typeof x[key] === 'string' ? (x[key] as string).trim() : x[key]),
    minLength,
    maxLength,
  });
}

const ordered = <T extends number>(a: T, b: T, c: T): [T, T, T] =>
  [a, b, c].sort((x, y) => x - y) as [T, T, T];

export const quantiles = (value: fc.Arbitrary<number> = finite): fc.Arbitrary<Quantiles> =>
  fc.tuple(value, value, value).map(([a, b, c]) => {
    const [p10, p50, p90] = ordered(a, b, c);
    return { p10, p50, p90 };
  });

// Territory

const ring = fc.array(lonLat, { minLength: 4, maxLength: 5 });
export const municipality = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  population: count,
  areaKm2: nonNegative,
  centroid: lonLat,
  peripheral: fc.boolean(),
  boundary: fc.record({
    type: fc.constant('Polygon' as const),
    coordinates: fc.array(ring, { minLength: 1, maxLength: 2 }),
  }),
});
export const corridor = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  kind: fc.constantFrom('motorway' as const, 'ring' as const, 'arterial' as const),
  freeFlowKmh: positive,
  path: fc.array(lonLat, { minLength: 2, maxLength: 3 }),
});
const waterway = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  kind: fc.constantFrom('river' as const, 'canal' as const, 'lake' as const),
  path: fc.array(lonLat, { minLength: 2, maxLength: 3 }),
});
export const territory: fc.Arbitrary<Territory> = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  bounds: fc.tuple(longitude, latitude, longitude, latitude),
  centre: lonLat,
  zoom: fc.double({ min: 0, max: 22, noNaN: true }),
  boundariesSchematic: fc.boolean(),
  dataNotice: text,
  municipalities: uniqueList(municipality, 'id', 2, 1),
  corridors: uniqueList(corridor, 'id', 2),
  waterways: uniqueList(waterway, 'id', 2),
});

export const story: fc.Arbitrary<Story> = fc.record({
  synthetic: fc.boolean(),
  scenes: uniqueList(
    fc.record({
      id: nonEmpty,
      view: nonEmpty,
      title: nonEmpty,
      caption: text,
      camera: fc.record({ centre: lonLat, zoom: fc.double({ min: 0, max: 22, noNaN: true }) }),
      layers: fc.array(nonEmpty, { maxLength: 4 }),
      timeOffsetMinutes: fc.integer({ min: -1440, max: 1440 }),
    }),
    'id',
  ),
});

// Network

export const site: fc.Arbitrary<Site> = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  municipalityId: nonEmpty,
  location: lonLat,
  operator: nonEmpty,
  bands: fc.array(fc.constantFrom(...BANDS), { minLength: 1, maxLength: 3 }),
  status: fc.constantFrom(...SITE_STATUSES),
  throughputDlMbps: nonNegative,
  throughputUlMbps: nonNegative,
  latencyMs: nonNegative,
  load: ratio,
  connectedDevices: count,
  leaseRevenueEurPerYear: nonNegative,
  dateLastValueReported: isoDateTime,
});
export const sitesResponse = fc.record({ items: uniqueList(site, 'id') });

export const coverageCell = fc.record({
  id: nonEmpty,
  centre: lonLat,
  ssRsrpDbm: fc.double({ min: -160, max: -20, noNaN: true }),
  expectedDlMbps: nonNegative,
});
export const coverageResponse: fc.Arbitrary<CoverageResponse> = fc.record({
  band: fc.constantFrom(...BANDS),
  hexRadiusM: positive,
  generatedAt: isoDateTime,
  cells: uniqueList(coverageCell, 'id', 5),
});

// Sensors

export const sensor: fc.Arbitrary<Sensor> = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  kind: fc.constantFrom(...SENSOR_KINDS),
  location: lonLat,
  municipalityId: nonEmpty,
  corridorId: fc.option(nonEmpty, { nil: null }),
  cadenceSeconds: positiveInt,
});
export const sensorsResponse = fc.record({ items: uniqueList(sensor, 'id') });

export const airReading = (sensorId: fc.Arbitrary<string>, dateObserved: fc.Arbitrary<string>) =>
  fc.record({
    kind: fc.constant('air' as const),
    sensorId,
    dateObserved,
    pm25: nonNegative,
    pm10: nonNegative,
    no2: nonNegative,
    o3: nonNegative,
    so2: nonNegative,
    airQualityIndex: fc.integer({ min: 1, max: 6 }),
    airQualityLevel: fc.constantFrom(...AIR_LEVELS),
  });
export const trafficReading = (sensorId: fc.Arbitrary<string>, dateObserved: fc.Arbitrary<string>) =>
  fc.record({
    kind: fc.constant('traffic' as const),
    sensorId,
    dateObserved,
    intensity: nonNegative,
    averageVehicleSpeed: nonNegative,
    occupancy: ratio,
    congested: fc.boolean(),
  });

/** A reading of any kind, for the given sensor and time arbitraries. */
export function reading(
  sensorId: fc.Arbitrary<string> = nonEmpty,
  dateObserved: fc.Arbitrary<string> = isoDateTime,
): fc.Arbitrary<Reading> {
  return fc.oneof(
    airReading(sensorId, dateObserved),
    trafficReading(sensorId, dateObserved),
    fc.record({
      kind: fc.constant('noise' as const),
      sensorId,
      dateObserved,
      laeq: fc.double({ min: 0, max: 200, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant('weather' as const),
      sensorId,
      dateObserved,
      temperature: fc.double({ min: -60, max: 60, noNaN: true }),
      relativeHumidity: fc.double({ min: 0, max: 100, noNaN: true }),
      windSpeed: nonNegative,
      precipitation: nonNegative,
    }),
  );
}
export const readingsResponse = fc.record({
  generatedAt: isoDateTime,
  since: fc.option(isoDateTime, { nil: null }),
  items: uniqueList(reading(), 'sensorId', 5),
});

export const seriesResponse: fc.Arbitrary<SeriesResponse> = fc
  .array(fc.tuple(isoDateTime, fc.option(finite, { nil: null })), { maxLength: 30 })
  .chain((points) =>
    fc.record({
      sensorId: nonEmpty,
      metric: nonEmpty,
      unit: text,
      from: isoDateTime,
      to: isoDateTime,
      timestamps: fc.constant(points.map((p) => p[0])),
      values: fc.constant(points.map((p) => p[1])),
    }),
  );

// Forecasts

const model = fc.record({ name: nonEmpty, version: nonEmpty, trainedAt: isoDateTime });
export const forecastStep = (value: fc.Arbitrary<number> = finite): fc.Arbitrary<ForecastStep> =>
  fc.tuple(isoDateTime, quantiles(value)).map(([t, q]) => ({ t, ...q }));
const accuracy = fc.record({
  horizonMinutes: positiveInt,
  mae: nonNegative,
  rmse: nonNegative,
  mape: nonNegative,
  baselineMae: nonNegative,
  baselineRmse: nonNegative,
  baselineMape: nonNegative,
  samples: count,
});
const forecastBase = (value: fc.Arbitrary<number>) => ({
  model,
  issuedAt: isoDateTime,
  unit: text,
  stepMinutes: positiveInt,
  steps: fc.array(forecastStep(value), { maxLength: 4 }),
  observed: fc.array(fc.record({ t: isoDateTime, value: finite }), { maxLength: 3 }),
  baseline: fc.constantFrom('persistence' as const, 'historical-average' as const),
  accuracy: uniqueList(accuracy, 'horizonMinutes', 2),
  hindcast: fc.array(
    fc.record({ t: isoDateTime, horizonMinutes: positiveInt, predicted: finite, observed: finite }),
    { maxLength: 2 },
  ),
});
/** Concentrations, and the quantities a prediction is drawn as a reading with, are never negative. */
const physical = nonNegative;

export const trafficForecast: fc.Arbitrary<TrafficForecast> = fc.record({
  corridorId: nonEmpty,
  freeFlowKmh: positive,
  ...forecastBase(finite),
});
export const trafficForecastsResponse = fc.record({ items: uniqueList(trafficForecast, 'corridorId', 2) });
export const placeTrafficForecast = fc.record({
  place: fc.record({ kind: fc.constantFrom('municipality' as const, 'sensor' as const), id: nonEmpty }),
  freeFlowKmh: positive,
  ...forecastBase(finite),
});
export const pollutant: fc.Arbitrary<Pollutant> = fc.constantFrom(...POLLUTANTS);
export const airForecast: fc.Arbitrary<AirForecast> = fc.record({
  stationId: nonEmpty,
  pollutant,
  ...forecastBase(physical),
});
export const airForecastsResponse = fc.record({ items: fc.array(airForecast, { maxLength: 2 }) });

export const sensorPrediction: fc.Arbitrary<SensorPrediction> = fc.oneof(
  fc.record({
    kind: fc.constant('traffic' as const),
    sensorId: nonEmpty,
    intensity: quantiles(physical),
    averageVehicleSpeed: quantiles(physical),
    occupancy: quantiles(physical),
    congested: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('air' as const),
    sensorId: nonEmpty,
    pm25: quantiles(physical),
    pm10: quantiles(physical),
    no2: quantiles(physical),
    o3: quantiles(physical),
    so2: quantiles(physical),
    airQualityIndex: fc.integer({ min: 1, max: 6 }),
  }),
);
const modelRun = fc.record({
  name: nonEmpty,
  version: nonEmpty,
  trainedAt: isoDateTime,
  issuedAt: isoDateTime,
});
export const sensorForecastsResponse: fc.Arbitrary<SensorForecastsResponse> = fc.record({
  validAt: isoDateTime,
  models: fc.record({ traffic: modelRun, air: modelRun }),
  items: uniqueList(sensorPrediction, 'sensorId', 5),
});

/** IANA zones the territory could be in, including ones with half-hour offsets and no DST. */
export const timeZone = fc.constantFrom(
  'Europe/Rome',
  'UTC',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Kiritimati',
  'Etc/GMT+12',
);
export const dailyAirOutlook: fc.Arbitrary<DailyAirOutlook> = fc.record({
  pollutant,
  unit: text,
  model,
  issuedAt: isoDateTime,
  timeZone,
  items: fc.array(
    fc.record({
      stationId: nonEmpty,
      days: fc.array(
        fc.record({ date: isoDate, hours: fc.integer({ min: 1, max: 25 }), mean: quantiles(physical) }),
        { maxLength: 4 },
      ),
    }),
    { maxLength: 4 },
  ),
});

// Security

export const auditEntry: fc.Arbitrary<AuditEntry> = fc.record({
  at: isoDateTime,
  actor: nonEmpty,
  action: fc.constantFrom('created' as const, 'status' as const, 'assigned' as const, 'note' as const),
  from: fc.option(text, { nil: null }),
  to: fc.option(text, { nil: null }),
  note: fc.option(text, { nil: null }),
});
export const alert: fc.Arbitrary<Alert> = fc.record({
  id: nonEmpty,
  category: nonEmpty,
  subCategory: nonEmpty,
  severity: fc.constantFrom(...SEVERITIES),
  source: nonEmpty,
  description: text,
  place: fc.option(
    fc.record({
      kind: fc.constantFrom(...PLACE_KINDS),
      refId: nonEmpty,
      municipalityId: nonEmpty,
      position: fc.option(lonLat, { nil: null }),
    }),
    { nil: null },
  ),
  dateIssued: isoDateTime,
  status: fc.constantFrom(...ALERT_STATUSES),
  assignee: fc.option(text, { nil: null }),
  audit: fc.array(auditEntry, { maxLength: 3 }),
});
export const alertsResponse = fc.record({ items: uniqueList(alert, 'id') });

export const alertPatch: fc.Arbitrary<AlertPatch> = fc
  .record(
    {
      actor: nonEmpty,
      status: fc.constantFrom(...ALERT_STATUSES),
      assignee: fc.option(text, { nil: null }),
      note: nonEmpty,
    },
    { requiredKeys: ['actor'] },
  )
  .filter((p) => p.status !== undefined || p.assignee !== undefined || p.note !== undefined);

const qkdNode = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  kind: fc.constantFrom('data-centre' as const, 'site' as const, 'campus' as const),
  location: lonLat,
});
const percent = fc.double({ min: 0, max: 100, noNaN: true });
export const qkdLink: fc.Arbitrary<QkdLink> = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  endpoints: fc.tuple(qkdNode, qkdNode),
  state: fc.constantFrom(...QKD_STATES),
  qberPercent: percent,
  qberAlarmPercent: percent,
  secretKeyRateKbps: nonNegative,
  storedKeysKbit: nonNegative,
  consumptionKbps: nonNegative,
  lengthKm: positive,
  dateLastValueReported: isoDateTime,
});
export const qkdLinksResponse = fc.record({ items: uniqueList(qkdLink, 'id') });

export const qkdLinkSeries: fc.Arbitrary<QkdLinkSeries> = fc
  .array(
    fc.tuple(
      isoDateTime,
      fc.option(percent, { nil: null }),
      fc.option(nonNegative, { nil: null }),
      fc.option(nonNegative, { nil: null }),
      fc.option(nonNegative, { nil: null }),
    ),
    { maxLength: 30 },
  )
  .chain((rows) =>
    fc.record({
      linkId: nonEmpty,
      from: isoDateTime,
      to: isoDateTime,
      stepSeconds: positive,
      qberAlarmPercent: percent,
      qberSecurityLimitPercent: percent,
      timestamps: fc.constant(rows.map((r) => r[0])),
      qberPercent: fc.constant(rows.map((r) => r[1])),
      secretKeyRateKbps: fc.constant(rows.map((r) => r[2])),
      storedKeysKbit: fc.constant(rows.map((r) => r[3])),
      consumptionKbps: fc.constant(rows.map((r) => r[4])),
    }),
  );

const responseFigures: fc.Arbitrary<ResponseFigures> = fc.record({
  alerts: count,
  acknowledged: count,
  resolved: count,
  mttaSeconds: fc.option(nonNegative, { nil: null }),
  mttrSeconds: fc.option(nonNegative, { nil: null }),
});
const timeWindow = fc.record({ from: isoDateTime, to: isoDateTime });
export const responseTimesAnswer: fc.Arbitrary<ResponseTimes> = fc.record({
  period: fc.constantFrom(...RESPONSE_TIME_PERIODS),
  current: timeWindow,
  previous: timeWindow,
  items: uniqueList(
    fc.record({
      severity: fc.constantFrom(...SEVERITIES),
      current: responseFigures,
      previous: responseFigures,
    }),
    'severity',
    5,
  ),
  total: fc.record({ current: responseFigures, previous: responseFigures }),
});

// KPIs

export const kpi: fc.Arbitrary<Kpi> = fc.record({
  id: nonEmpty,
  label: nonEmpty,
  unit: fc.oneof(fc.constantFrom('%', '€', 'sites', 'min', ''), text),
  value: fc.option(finite, { nil: null }),
  target: fc.option(finite, { nil: null }),
  previous: fc.option(finite, { nil: null }),
  direction: fc.constantFrom('higher-is-better' as const, 'lower-is-better' as const),
  trend: fc.array(fc.option(finite, { nil: null }), { maxLength: 12 }),
});
export const kpisResponse: fc.Arbitrary<KpisResponse> = fc.record({
  period: fc.constantFrom(...PERIODS),
  from: isoDateTime,
  to: isoDateTime,
  items: uniqueList(kpi, 'id'),
});
