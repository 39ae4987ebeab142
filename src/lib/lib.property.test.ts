import fc from 'fast-check';
import {
  airForecastSchema,
  dailyAirOutlookSchema,
  POLLUTANTS,
  type DailyAirOutlook,
  type Pollutant,
} from '../api/schemas/forecasts';
import {
  ALERT_STATUSES,
  alertSchema,
  responseTimesSchema,
  SEVERITIES,
  type Alert,
} from '../api/schemas/security';
import { readingSchema, type Reading, type TrafficReading } from '../api/schemas/sensors';
import type { Territory } from '../api/schemas/territory';
import { loadLanguage, setCurrentLanguage } from '../i18n/i18n';
import * as arb from '../test/arbitraries';
import { readCsv } from '../test/read-csv';
import { errorMetrics, hasDrifted, skill } from './accuracy';
import { isActive, placesWithOpenAlerts } from './alert-places';
import { AlertPatchRefused, applyAlertPatch, canTransition } from './alert-status';
import { toCsv, type CsvColumn } from './csv';
import { EAQI_LEVELS, EAQI_UPPER_BOUNDS, eaqiBand, eaqiIndex, eaqiLevel } from './eaqi';
import { EU_LIMITS, limitsInRange } from './eu-limits';
import {
  formatAge,
  formatClock,
  formatDate,
  formatDateTime,
  formatDuration,
  formatEuro,
  formatNumber,
  formatPercent,
  formatTime,
} from './format';
import { keepGlobalParams } from './global-params';
import { keyPoolExhaustion } from './key-pool';
import { airOutlook, dailyExceedances, dailyLimit, exceedanceSentence } from './outlook';
import { medianReading, predictedReadings } from './predicted-readings';
import { responseTimes, timeToAcknowledgeMs, timeToResolveMs } from './response-times';
import { isSensorStale, mergeReadings, sensorRows, type SensorRow } from './sensors';
import { RSRP_CLASSES, rsrpClass } from './signal';
import { congestionLevel, corridorStatuses } from './traffic';

const RUNS = { numRuns: 1000 };
// A thousand runs can outlast the default 5 s on a busy machine.
vi.setConfig({ testTimeout: 60_000 });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A concentration as the readings schema allows it: zero to the largest finite number. */
const concentration = fc.oneof(
  fc.double({ min: 0, max: 400, noNaN: true }),
  fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
);

describe('EAQI bands', () => {
  it('never go down as a concentration rises, and stay within 1–6', () => {
    fc.assert(
      fc.property(arb.pollutant, concentration, concentration, (pollutant, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const bandLow = eaqiBand(pollutant, low);
        expect(bandLow).toBeLessThanOrEqual(eaqiBand(pollutant, high));
        expect(bandLow).toBeGreaterThanOrEqual(1);
        expect(eaqiBand(pollutant, high)).toBeLessThanOrEqual(6);
        expect(EAQI_LEVELS).toContain(eaqiLevel(bandLow));
      }),
      RUNS,
    );
  });

  it('put a concentration in the band whose bounds enclose it', () => {
    fc.assert(
      fc.property(arb.pollutant, concentration, (pollutant, value) => {
        const band = eaqiBand(pollutant, value);
        const bounds = [0, ...EAQI_UPPER_BOUNDS[pollutant], Infinity];
        expect(value).toBeLessThanOrEqual(bounds[band]!);
        if (band > 1) expect(value).toBeGreaterThan(bounds[band - 1]!);
      }),
      RUNS,
    );
  });

  it('give a station the worst band of the pollutants it reports, and nothing without any', () => {
    const readings = fc.record(
      Object.fromEntries(POLLUTANTS.map((p) => [p, fc.option(concentration, { nil: undefined })])) as Record<
        Pollutant,
        fc.Arbitrary<number | undefined>
      >,
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(readings, (r) => {
        const bands = POLLUTANTS.flatMap((p) => (r[p] === undefined ? [] : [eaqiBand(p, r[p])]));
        expect(eaqiIndex(r)).toBe(bands.length ? Math.max(...bands) : null);
      }),
      RUNS,
    );
  });

  it('refuse negative and non-finite concentrations with a RangeError, never another error', () => {
    const invalid = fc.oneof(
      fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
      fc.constantFrom(NaN, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(arb.pollutant, invalid, (pollutant, value) => {
        expect(() => eaqiBand(pollutant, value)).toThrow(RangeError);
      }),
      RUNS,
    );
  });
});

describe('signal and congestion classes', () => {
  it('never get worse as the SS-RSRP rises', () => {
    const dbm = fc.double({ min: -160, max: -20, noNaN: true });
    fc.assert(
      fc.property(dbm, dbm, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(RSRP_CLASSES.indexOf(rsrpClass(high))).toBeLessThanOrEqual(
          RSRP_CLASSES.indexOf(rsrpClass(low)),
        );
      }),
      RUNS,
    );
  });

  it('never get worse as traffic speeds up against free flow', () => {
    const order = ['congested', 'busy', 'free'];
    const speedRatio = fc.double({ min: -1, max: 2, noNaN: true });
    fc.assert(
      fc.property(speedRatio, speedRatio, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(order.indexOf(congestionLevel(low))).toBeLessThanOrEqual(order.indexOf(congestionLevel(high)));
        expect(congestionLevel(null)).toBe('unknown');
      }),
      RUNS,
    );
  });
});

describe('corridor statuses', () => {
  const input = fc.uniqueArray(arb.corridor, { selector: (c) => c.id, maxLength: 3 }).chain((corridors) => {
    const ids = corridors.map((c) => c.id);
    const row = fc
      .tuple(arb.sensor, fc.option(fc.constantFrom(...ids, 'elsewhere'), { nil: null }), fc.boolean())
      .chain(([sensor, corridorId, stale]) =>
        fc
          .option(arb.trafficReading(fc.constant(sensor.id), arb.isoDateTime), { nil: undefined })
          .map((reading): SensorRow<TrafficReading> => ({
            sensor: { ...sensor, kind: 'traffic', corridorId },
            reading,
            stale,
          })),
      );
    return fc.tuple(fc.constant(corridors), fc.array(row, { maxLength: 12 }));
  });

  it('count only reporting sensors and keep every share within 0–1', () => {
    fc.assert(
      fc.property(input, ([corridors, rows]) => {
        const statuses = corridorStatuses(corridors, rows);
        expect(statuses.map((s) => s.corridor)).toEqual(corridors);
        for (const s of statuses) {
          const own = rows.filter((r) => r.sensor.corridorId === s.corridor.id);
          expect(s.sensors).toBe(own.length);
          expect(s.reporting).toBe(own.filter((r) => r.reading && !r.stale).length);
          expect(s.speedRatio === null).toBe(s.reporting === 0);
          for (const share of [s.speedRatio, s.congestedShare, s.meanOccupancy])
            if (share !== null) expect(share >= 0 && share <= 1).toBe(true);
          if (s.meanSpeedKmh !== null) expect(s.meanSpeedKmh).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });
});

describe('live readings', () => {
  const ids = fc.constantFrom('s1', 's2', 's3', 's4');
  /** Polls as the schema lets them come: one reading per sensor each, in any order of time. */
  const poll = fc.record({
    generatedAt: arb.isoDateTime,
    items: fc.uniqueArray(arb.reading(ids), { selector: (r) => r.sensorId, maxLength: 4 }),
  });

  it('keep the latest reading of every sensor, whatever order the polls bring them in', () => {
    fc.assert(
      fc.property(fc.array(poll, { minLength: 1, maxLength: 5 }), (polls) => {
        let state = mergeReadings(undefined, polls[0]!);
        expect(state.full).toBe(true);
        for (const p of polls.slice(1)) {
          const before = new Map(state.bySensor);
          const next = mergeReadings(state, p);
          expect(next.full).toBe(false);
          expect(new Set(next.changed).size).toBe(next.changed.length);
          for (const id of next.changed) expect(p.items.map((r) => r.sensorId)).toContain(id);
          // The previous state is left as it was.
          expect(state.bySensor).toEqual(before);
          state = next;
        }
        const seen = polls.flatMap((p) => p.items);
        for (const [id, reading] of state.bySensor) {
          const latest = Math.max(
            ...seen.filter((r) => r.sensorId === id).map((r) => Date.parse(r.dateObserved)),
          );
          expect(Date.parse(reading.dateObserved)).toBe(latest);
        }
        expect(state.bySensor.size).toBe(new Set(seen.map((r) => r.sensorId)).size);
      }),
      RUNS,
    );
  });

  it('go stale later, never sooner, as time passes, and join each sensor with its own kind only', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arb.sensor, { selector: (s) => s.id, maxLength: 6 }),
        fc.array(arb.reading(), { maxLength: 6 }),
        arb.ms,
        fc.nat({ max: 10 * DAY }),
        fc.constantFrom('air', 'traffic', 'noise', 'weather'),
        (sensors, readings, now, later, kind) => {
          const bySensor = new Map<string, Reading>(
            readings.map((r, i) => [
              sensors[i]?.id ?? r.sensorId,
              { ...r, sensorId: sensors[i]?.id ?? r.sensorId },
            ]),
          );
          const rows = sensorRows(sensors, bySensor, kind, now);
          expect(rows.map((r) => r.sensor)).toEqual(sensors.filter((s) => s.kind === kind));
          for (const row of rows) {
            if (row.reading) expect(row.reading.kind).toBe(kind);
            if (row.stale) expect(isSensorStale(row.sensor, row.reading, now + later)).toBe(true);
            if (!row.reading) expect(row.stale).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('forecast accuracy', () => {
  // Within ±1e150 the sums of squares cannot overflow, so the means can be compared exactly.
  const value = fc.double({ min: -1e150, max: 1e150, noNaN: true });
  const pair = fc.record({ predicted: value, observed: value });

  it('has an RMSE at least the MAE and at most the largest error, never negative', () => {
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 40 }), (pairs) => {
        const m = errorMetrics(pairs);
        if (pairs.length === 0) {
          expect(m).toBeNull();
          return;
        }
        const largest = Math.max(...pairs.map((p) => Math.abs(p.predicted - p.observed)));
        expect(m!.samples).toBe(pairs.length);
        expect(m!.mae).toBeGreaterThanOrEqual(0);
        // Squares of tiny errors underflow to subnormals or zero, hence the absolute slack.
        expect(m!.rmse).toBeGreaterThanOrEqual(m!.mae * (1 - 1e-12) - 1e-150);
        expect(m!.rmse).toBeLessThanOrEqual(largest * (1 + 1e-12) + 1e-150);
        expect(Number.isNaN(m!.mape)).toBe(pairs.every((p) => p.observed === 0));
      }),
      RUNS,
    );
  });

  it('rates skill at most 1 and flags drift only above the margin, more so as the error grows', () => {
    const mae = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(mae, mae, mae, (a, b, baseline) => {
        const [lower, higher] = a <= b ? [a, b] : [b, a];
        expect(skill(lower, baseline)).toBeLessThanOrEqual(1);
        expect(skill(lower, baseline)).toBeGreaterThanOrEqual(skill(higher, baseline));
        if (hasDrifted(lower, baseline)) expect(hasDrifted(higher, baseline)).toBe(true);
        if (lower <= baseline) expect(hasDrifted(lower, baseline)).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('key pool exhaustion', () => {
  const figure = fc.oneof(
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, NaN, Infinity),
  );

  it('is null or a number of seconds, null exactly when the pool is not draining', () => {
    fc.assert(
      fc.property(figure, figure, figure, (stored, rate, consumption) => {
        const seconds = keyPoolExhaustion(stored, rate, consumption);
        const finite = [stored, rate, consumption].every(Number.isFinite);
        if (!finite || consumption - rate <= 0) expect(seconds).toBeNull();
        else {
          expect(seconds).not.toBeNaN();
          expect(seconds).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it('lasts longer with more keys in stock', () => {
    const small = fc.double({ min: 0, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(small, small, small, small, (a, b, rate, consumption) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        const x = keyPoolExhaustion(less, rate, consumption);
        const y = keyPoolExhaustion(more, rate, consumption);
        if (x !== null) expect(y!).toBeGreaterThanOrEqual(x);
      }),
      RUNS,
    );
  });
});

describe('CSV export', () => {
  type Cell = string | number | null;
  const cell: fc.Arbitrary<Cell> = fc.oneof(
    arb.text,
    fc.string({ unit: fc.constantFrom(',', '"', '\n', '\r', '=', '+', '-', '@', '\t', ' ', 'a', 'é', '🚦') }),
    fc.double(),
    fc.integer(),
    fc.constant(null),
  );

  it('reads back cell for cell, with formulas defused and missing numbers blank', () => {
    fc.assert(
      fc.property(
        fc.array(arb.text, { minLength: 1, maxLength: 5 }),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 8 }),
        (headers, rows) => {
          const columns: CsvColumn<Cell[]>[] = headers.map((header, i) => ({ header, value: (r) => r[i]! }));
          const expected = (v: Cell) =>
            v === null
              ? ''
              : typeof v === 'number'
                ? Number.isFinite(v)
                  ? String(v)
                  : ''
                : /^[=+\-@\t\r]/.test(v)
                  ? `'${v}`
                  : v;
          const text = toCsv(columns, rows);
          expect(text.endsWith('\r\n'), 'the last record ends with CRLF').toBe(true);
          const read = readCsv(text);
          expect(read).toEqual([
            headers.map(expected),
            ...rows.map((r) => r.slice(0, headers.length).map(expected)),
          ]);
          // Numbers survive the trip exactly.
          rows.forEach((r, i) =>
            r.slice(0, headers.length).forEach((v, j) => {
              if (typeof v === 'number' && Number.isFinite(v))
                expect(Number(read[i + 1]![j])).toBe(v === 0 ? 0 : v);
            }),
          );
        },
      ),
      RUNS,
    );
  });
});

describe('formatting', () => {
  const dashOrText = (s: string) => {
    expect(typeof s).toBe('string');
    expect(s.length).toBeGreaterThan(0);
    expect(s).not.toMatch(/NaN|undefined|null|Infinity|∞/);
  };
  const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(null, undefined, -0));

  beforeAll(() => loadLanguage('it'));
  afterEach(() => setCurrentLanguage('en'));

  it('never prints NaN, Infinity or undefined, in either language', () => {
    fc.assert(
      fc.property(
        anyNumber,
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom('en', 'it'),
        (value, digits, language) => {
          setCurrentLanguage(language);
          for (const s of [
            formatNumber(value, digits),
            formatPercent(value, digits),
            formatEuro(value),
            formatDuration(value),
          ])
            dashOrText(s);
          if (typeof value === 'number' && Number.isFinite(value)) dashOrText(formatAge(value));
        },
      ),
      RUNS,
    );
  });

  it('writes a length of time from its largest unit down, "—" when unknown or negative', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ min: -1e6, max: 1e9 }), fc.constantFrom(NaN, Infinity, -0)),
        (seconds) => {
          const s = formatDuration(seconds);
          if (!Number.isFinite(seconds) || seconds < 0) expect(s).toBe('—');
          else expect(s).toMatch(/^(\d+ s|\d+ min|\d+ h( \d+ min)?|\d+ d( \d+ h)?)$/);
        },
      ),
      RUNS,
    );
  });

  it('writes every instant an API date-time can name, in either language', () => {
    fc.assert(
      fc.property(arb.isoDateTime, fc.constantFrom('en', 'it'), (iso, language) => {
        setCurrentLanguage(language);
        const ms = Date.parse(iso);
        for (const s of [formatTime(ms), formatClock(ms), formatDateTime(ms), formatDate(ms)]) dashOrText(s);
      }),
      RUNS,
    );
  });
});

describe('the air outlook in words', () => {
  it('never throws on a valid forecast, names the peak when the next day has one, and ends a sentence', () => {
    // Steps around now, so the next 24 hours sometimes hold some, sometimes none.
    const steps = fc.array(
      fc.tuple(fc.integer({ min: -2 * DAY, max: 2 * DAY }), arb.quantiles(concentration)),
      {
        maxLength: 6,
      },
    );
    fc.assert(
      fc.property(
        arb.airForecast,
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) }),
        steps,
        arb.timeZone,
        (forecast, now, around, zone) => {
          const input = {
            ...forecast,
            steps: around.map(([offset, q]) => ({ t: new Date(now + offset).toISOString(), ...q })),
          };
          expect(airForecastSchema.safeParse(input).success).toBe(true);
          const text = airOutlook(input, '<b>Rho</b>', now, zone);
          expect(text.endsWith('.')).toBe(true);
          expect(text.startsWith('No ')).toBe(!around.some(([offset]) => offset > 0 && offset <= DAY));
          expect(text).not.toMatch(/NaN|undefined|Infinity/);
        },
      ),
      RUNS,
    );
  });

  it('lists each full local day once, in order, with only municipalities above the limit, worst first', () => {
    const stations = ['a', 'b', 'c', 'd', 'e'];
    const now = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) });
    const outlook = fc.tuple(arb.dailyAirOutlook, now).chain(([base, now]) =>
      fc
        .array(
          fc.record({
            stationId: fc.constantFrom(...stations, 'unknown'),
            days: fc.array(
              fc.record({
                date: fc
                  .integer({ min: -2, max: 4 })
                  .map((d) => new Date(now + d * DAY).toISOString().slice(0, 10)),
                hours: fc.integer({ min: 1, max: 25 }),
                mean: arb.quantiles(fc.double({ min: 0, max: 120, noNaN: true })),
              }),
              { maxLength: 5 },
            ),
          }),
          { maxLength: 6 },
        )
        .map((items): [DailyAirOutlook, number] => [{ ...base, items }, now]),
    );
    const municipalityOf = new Map(stations.map((s, i) => [s, `m${i % 3}`]));
    const formats = new Map<string, Intl.DateTimeFormat>();
    const dayIn = (zone: string) => {
      if (!formats.has(zone)) formats.set(zone, new Intl.DateTimeFormat('en-CA', { timeZone: zone }));
      return formats.get(zone)!;
    };
    fc.assert(
      fc.property(outlook, fc.double({ min: 0, max: 100, noNaN: true }), ([o, now], limit) => {
        expect(dailyAirOutlookSchema.safeParse(o).success).toBe(true);
        const days = dailyExceedances(o, municipalityOf, (id) => `<i>${id}</i>`, limit, now);
        const dates = days.map((d) => d.date);
        expect(dates).toEqual([...new Set(dates)].sort());
        const today = dayIn(o.timeZone).format(now);
        expect(dates.every((d) => d >= today)).toBe(true);
        for (const d of days) {
          expect(d.places.every((p) => p.mean > limit)).toBe(true);
          expect(d.places.map((p) => p.mean)).toEqual(d.places.map((p) => p.mean).sort((a, b) => b - a));
          expect(new Set(d.places.map((p) => p.id)).size).toBe(d.places.length);
          expect(d.possible).toBeGreaterThanOrEqual(0);
          expect(d.day.length).toBeGreaterThan(0);
          const euLimit = { value: limit, period: 24, kind: 'limit', regime: 'in-force' } as const;
          expect(exceedanceSentence(o.pollutant, o.unit, euLimit, d).endsWith('.')).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('draws the short-term values near the data and names the others, each exactly once', () => {
    fc.assert(
      fc.property(
        arb.pollutant,
        fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
        (pollutant, max) => {
          const { near, far } = limitsInRange(pollutant, max);
          expect([...near, ...far].map((l) => l.value).sort()).toEqual(
            [...new Set(EU_LIMITS[pollutant].filter((l) => l.period !== 'year').map((l) => l.value))].sort(),
          );
          expect(near.every((l) => !far.includes(l))).toBe(true);
          const daily = dailyLimit(pollutant);
          if (daily) expect(daily.period).toBe(24);
        },
      ),
      RUNS,
    );
  });
});

describe('predicted readings', () => {
  it('draw every valid prediction as a valid reading at the time predicted', () => {
    fc.assert(
      fc.property(arb.sensorForecastsResponse, (answer) => {
        const picture = predictedReadings(answer);
        expect([...picture.bySensor.keys()]).toEqual(answer.items.map((p) => p.sensorId));
        for (const prediction of answer.items) {
          const reading = medianReading(prediction, answer.validAt);
          const parsed = readingSchema.safeParse(reading);
          expect(parsed.error?.issues).toBeUndefined();
          expect(reading).toEqual(picture.bySensor.get(prediction.sensorId));
          expect(reading.dateObserved).toBe(answer.validAt);
        }
      }),
      RUNS,
    );
  });
});

describe('alert handling', () => {
  it('applies a change the rules allow as a valid alert with its trail extended, and refuses the others', () => {
    fc.assert(
      fc.property(arb.alert, arb.alertPatch, arb.isoDateTime, (alert, patch, at) => {
        const before = structuredClone(alert);
        let next: Alert;
        try {
          next = applyAlertPatch(alert, patch, 'M. Rossi', at);
        } catch (error) {
          expect(error).toBeInstanceOf(AlertPatchRefused);
          const changes = patch.status !== undefined && patch.status !== alert.status;
          expect(changes).toBe(true);
          expect(
            !canTransition(alert.status, patch.status!) || (patch.status === 'resolved' && !patch.note),
          ).toBe(true);
          return;
        }
        expect(alert).toEqual(before);
        expect(alertSchema.safeParse(next).success).toBe(true);
        expect(next.audit.slice(0, alert.audit.length)).toEqual(alert.audit);
        expect(next.audit.length - alert.audit.length).toBeLessThanOrEqual(2);
        if (next.status !== alert.status) expect(canTransition(alert.status, next.status)).toBe(true);
        expect(ALERT_STATUSES).toContain(next.status);
      }),
      RUNS,
    );
  });

  /** Alerts issued in the two periods before `now`, each trail in time order after its issue. */
  const alertsAround = (now: number) =>
    fc.array(
      fc
        .tuple(
          arb.alert,
          fc.integer({ min: 0, max: 62 * DAY }),
          fc.array(fc.nat({ max: 3 * DAY }), { maxLength: 4 }),
        )
        .map(([alert, age, steps]) => {
          const issued = now - age;
          return {
            ...alert,
            dateIssued: new Date(issued).toISOString(),
            audit: alert.audit.map((entry, i) => ({
              ...entry,
              at: new Date(issued + (steps[i] ?? i * 60_000)).toISOString(),
            })),
          };
        }),
      { maxLength: 12 },
    );

  it('sums response times into a valid answer whose counts add up', () => {
    const input = fc
      .integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) })
      .chain((now) =>
        fc.tuple(fc.constant(now), alertsAround(now), fc.constantFrom('day', 'week', 'month' as const)),
      );
    fc.assert(
      fc.property(input, ([now, alerts, period]) => {
        const answer = responseTimes(alerts, period, now);
        const parsed = responseTimesSchema.safeParse(answer);
        expect(parsed.error?.issues).toBeUndefined();
        expect(answer.items.map((i) => i.severity)).toEqual([...SEVERITIES].reverse());
        for (const when of ['current', 'previous'] as const) {
          const total = answer.total[when];
          expect(answer.items.reduce((n, i) => n + i[when].alerts, 0)).toBe(total.alerts);
          expect(total.acknowledged).toBeLessThanOrEqual(total.alerts);
          expect(total.resolved).toBeLessThanOrEqual(total.alerts);
        }
        for (const alert of alerts) {
          const ack = timeToAcknowledgeMs(alert);
          const resolve = timeToResolveMs(alert);
          if (ack !== null) expect(ack).toBeGreaterThanOrEqual(0);
          if (resolve !== null) expect(isActive(alert)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('places open alerts once per place, gravest first, at a position on the globe', () => {
    const territory = arb.territory;
    fc.assert(
      fc.property(
        territory,
        fc.array(arb.alert, { maxLength: 8 }),
        fc.array(arb.site, { maxLength: 3 }),
        fc.array(arb.qkdLink, { maxLength: 2 }),
        (t: Territory, alerts, sites, qkdLinks) => {
          // Alerts that name the generated places, as well as ones that name nothing known.
          const named = alerts.map((a, i) =>
            a.place && i % 2
              ? {
                  ...a,
                  place: {
                    ...a.place,
                    refId:
                      [...sites, ...qkdLinks][i % Math.max(1, sites.length + qkdLinks.length)]?.id ??
                      a.place.refId,
                    municipalityId: t.municipalities[i % t.municipalities.length]!.id,
                  },
                }
              : a,
          );
          const places = placesWithOpenAlerts(named, { territory: t, sites, qkdLinks });
          expect(new Set(places.map((p) => p.key)).size).toBe(places.length);
          const rank = places.map((p) => SEVERITIES.indexOf(p.severity));
          expect(rank).toEqual([...rank].sort((a, b) => b - a));
          for (const p of places) {
            const [lon, lat] = p.position;
            expect(Math.abs(lon) <= 180 && Math.abs(lat) <= 90).toBe(true);
            expect(p.alerts.every((a) => isActive(a) && a.place !== null)).toBe(true);
            expect(SEVERITIES.indexOf(p.severity)).toBe(
              Math.max(...p.alerts.map((a) => SEVERITIES.indexOf(a.severity))),
            );
          }
          expect(places.reduce((n, p) => n + p.alerts.length, 0)).toBe(
            named.filter((a) => a.place && isActive(a)).length,
          );
        },
      ),
      RUNS,
    );
  });
});

describe('global parameters', () => {
  it('keep only the screen-wide parameters, with the extra ones added', () => {
    const key = fc.constantFrom('mode', 'lang', 'at', 'time', 'views', 'layers', 'sel', 'q', '');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, arb.text), { maxLength: 6 }),
        fc.dictionary(fc.constantFrom('sel', 'station', 'pollutant'), arb.text, { maxKeys: 2 }),
        (pairs, extra) => {
          const search = `?${new URLSearchParams(pairs).toString()}`;
          const kept = keepGlobalParams(search, extra);
          expect(kept === '' || kept.startsWith('?')).toBe(true);
          const params = new URLSearchParams(kept);
          for (const [k, v] of params) {
            if (k in extra) expect(v).toBe(extra[k]);
            else {
              expect(['mode', 'lang', 'at', 'time', 'views']).toContain(k);
              expect(v).toBe(new URLSearchParams(search).get(k));
            }
          }
        },
      ),
      RUNS,
    );
  });
});
