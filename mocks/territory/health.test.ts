import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Device } from '../../src/api/schemas/health';
import {
  deviceSeriesSchema,
  devicesResponseSchema,
  facilitiesResponseSchema,
} from '../../src/api/schemas/health';
import { distanceKm } from './geo';
import { QBER_ALARM_PERCENT, QBER_SPELL_MS, qberAt, qberExcursion, QKD_LINKS } from './qkd';
import { createSimulation } from './simulation';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** 11:00 on Tuesday 24 November 2026 in Milan (UTC+1 in winter). */
const TUESDAY_11 = Date.parse('2026-11-24T11:00:00+01:00');
const sim = createSimulation({ now: () => TUESDAY_11 });
const { world } = sim;
const municipalities = new Map(world.territory.municipalities.map((m) => [m.id, m]));
const peripheral = new Set(world.territory.municipalities.filter((m) => m.peripheral).map((m) => m.id));
const at = (timeMs: number, seed?: string) =>
  createSimulation({ now: () => timeMs, ...(seed === undefined ? {} : { seed }) });

/** The hops of a path after its site: the fibre, then the QKD links. */
const linkHops = (d: Device) => d.path.flatMap((hop) => (hop.kind === 'site' ? [] : [hop]));

/** The ids of the places that lie outside the municipality they name, or outside the territory. */
function misplaced(places: readonly { id: string; municipalityId: string; location: [number, number] }[]) {
  return places
    .filter(({ municipalityId, location }) => {
      const municipality = municipalities.get(municipalityId);
      return (
        !municipality ||
        !booleanPointInPolygon(location, municipality.boundary) ||
        !booleanPointInPolygon(location, world.territory.outline)
      );
    })
    .map((place) => `${place.id} in ${place.municipalityId}`);
}

describe('the health sector’s inventory', () => {
  it.each(['milano-2026', 'alpha', 'beta', 'gamma'])(
    'has 40–80 devices and facilities of every kind, many in the periphery (seed %s)',
    (seed) => {
      const s = at(TUESDAY_11, seed);
      const facilities = s.healthFacilities();
      const devices = s.healthDevices();
      expect(devices.length).toBeGreaterThanOrEqual(40);
      expect(devices.length).toBeLessThanOrEqual(80);
      for (const kind of ['hospital', 'community-house', 'clinic'] as const) {
        const ofKind = facilities.filter((f) => f.kind === kind);
        expect(ofKind.length, kind).toBeGreaterThan(0);
        expect(
          ofKind.some((f) => peripheral.has(f.municipalityId)),
          kind,
        ).toBe(true);
      }
      const outside = devices.filter((d) => peripheral.has(d.municipalityId)).length;
      expect(outside).toBeGreaterThan(devices.length / 4);
      expect(devices.length - outside).toBeGreaterThan(0);
      // Every facility has a device, and every device a facility in the municipality it names.
      const byId = new Map(facilities.map((f) => [f.id, f]));
      expect(new Set(devices.map((d) => d.facilityId))).toEqual(new Set(byId.keys()));
      for (const d of devices) {
        expect(byId.get(d.facilityId)?.municipalityId, d.id).toBe(d.municipalityId);
        expect(d.location).toEqual(byId.get(d.facilityId)!.location);
      }
      expect(facilitiesResponseSchema.parse({ items: facilities }).items).toHaveLength(facilities.length);
      expect(devicesResponseSchema.parse({ items: devices }).items).toHaveLength(devices.length);
    },
  );

  it('names real hospitals in their own municipalities', () => {
    const hospitals = new Map(
      sim
        .healthFacilities()
        .filter((f) => f.kind === 'hospital')
        .map((f) => [f.name, f.municipalityId]),
    );
    expect(hospitals.get('Ospedale Niguarda')).toBe('milano');
    expect(hospitals.get('Ospedale Luigi Sacco')).toBe('milano');
    expect(hospitals.get('Ospedale di Legnano')).toBe('legnano');
    expect(hospitals.get('Ospedale di Vizzolo Predabissi')).toBe('vizzolo-predabissi');
    expect(hospitals.size).toBe(14);
  });

  it.each(['milano-2026', 'alpha', 'beta', 'gamma'])(
    'places every facility and device inside its municipality (seed %s)',
    (seed) => {
      const s = at(TUESDAY_11, seed);
      expect(misplaced(s.healthFacilities())).toEqual([]);
      expect(misplaced(s.healthDevices())).toEqual([]);
    },
  );

  it('holds devices, facilities and operations only: nothing about a patient', () => {
    const text = JSON.stringify([
      sim.healthFacilities(),
      sim.healthDevices(),
      sim.deviceSeries('hd-001', 24),
    ]);
    expect(text).not.toMatch(/patient|paziente|birth|diagnos|fiscal|codice/i);
    expect(Object.keys(sim.healthDevices()[0]!).sort()).toEqual(
      [
        'id',
        'name',
        'category',
        'facilityId',
        'municipalityId',
        'location',
        'deviceState',
        'examsToday',
        'examsTypicalByNow',
        'dataSentTodayMB',
        'dataQkdProtectedTodayMB',
        'path',
        'classicalFallback',
        'dateLastValueReported',
      ].sort(),
    );
  });

  it('is the same for the same seed and time, and another for another seed', () => {
    expect(at(TUESDAY_11).healthDevices()).toEqual(sim.healthDevices());
    expect(at(TUESDAY_11, 'alpha').healthFacilities()).not.toEqual(sim.healthFacilities());
  });
});

/**
 * Exams relative to a facility's full rate by local hour, written out here as the README states
 * them: community houses and clinics 08–18 on weekdays, 08–13 at half rate on Saturdays, shut on
 * Sundays; hospitals 07–20 on weekdays, 08–14 at 60 % on Saturdays, 08–20 at 5 % on Sundays, 2 %
 * at any other hour.
 */
function expectedRate(hospital: boolean, day: 'weekday' | 'saturday' | 'sunday', hour: number) {
  const outpatient = { weekday: [8, 18, 1], saturday: [8, 13, 0.5], sunday: [0, 0, 0] } as const;
  const inpatient = { weekday: [7, 20, 1], saturday: [8, 14, 0.6], sunday: [8, 20, 0.05] } as const;
  const [from, to, rate] = (hospital ? inpatient : outpatient)[day];
  if (hour >= from && hour < to) return rate;
  return hospital ? 0.02 : 0;
}
/** Expected exams from local midnight to a local time, in hours at the full rate. */
function expectedHours(hospital: boolean, day: 'weekday' | 'saturday' | 'sunday', localHours: number) {
  let total = 0;
  for (let h = 0; h < Math.ceil(localHours); h++)
    total += expectedRate(hospital, day, h) * Math.min(1, localHours - h);
  return total;
}

describe('usage through the day and the week', () => {
  const hospitals = new Set(
    sim
      .healthFacilities()
      .filter((f) => f.kind === 'hospital')
      .map((f) => f.id),
  );
  const inHospital = new Map(sim.healthDevices().map((d) => [d.id, hospitals.has(d.facilityId)]));
  const typicalAt = (iso: string) =>
    new Map(
      at(Date.parse(iso))
        .healthDevices()
        .map((d) => [d.id, d.examsTypicalByNow]),
    );

  it('expects what a usual day of that weekday has had by now, by the facility’s hours', () => {
    // Each device's full rate, from nine full-rate hours (08–17) of a Tuesday.
    const at8 = typicalAt('2026-11-24T08:00:00+01:00');
    const at17 = typicalAt('2026-11-24T17:00:00+01:00');
    const cases: [iso: string, day: 'weekday' | 'saturday' | 'sunday', localHours: number][] = [
      ['2026-11-24T11:00:00+01:00', 'weekday', 11],
      ['2026-11-24T06:30:00+01:00', 'weekday', 6.5],
      ['2026-11-24T19:45:00+01:00', 'weekday', 19.75],
      ['2026-11-28T12:00:00+01:00', 'saturday', 12],
      ['2026-11-28T23:00:00+01:00', 'saturday', 23],
      ['2026-11-29T02:00:00+01:00', 'sunday', 2],
      ['2026-11-29T15:30:00+01:00', 'sunday', 15.5],
      // Summer time: 10:00 in Milan is 08:00 UTC.
      ['2026-07-14T10:00:00+02:00', 'weekday', 10],
    ];
    for (const [iso, day, hours] of cases) {
      const typical = typicalAt(iso);
      for (const [id, value] of typical) {
        const rate = (at17.get(id)! - at8.get(id)!) / 9;
        const expected = rate * expectedHours(inHospital.get(id)!, day, hours);
        expect(Math.abs(value - expected), `${id} at ${iso}`).toBeLessThan(0.35);
      }
    }
  });

  const examsAt = (times: number[]) =>
    times
      .map((t) => at(t).healthDevices())
      .reduce(
        (sum, devices) => ({
          exams: sum.exams + devices.reduce((s, d) => s + d.examsToday, 0),
          typical: sum.typical + devices.reduce((s, d) => s + d.examsTypicalByNow, 0),
          inUse: [...sum.inUse, devices.filter((d) => d.deviceState === 'in-use').length],
          working: [...sum.working, devices.filter((d) => ['in-use', 'idle'].includes(d.deviceState)).length],
        }),
        { exams: 0, typical: 0, inUse: [] as number[], working: [] as number[] },
      );
  const weekly = (iso: string, weeks: number) =>
    Array.from({ length: weeks }, (_, i) => Date.parse(iso) + i * WEEK);

  it('is busy on a Tuesday at 11:00, as many exams as a usual Tuesday but for the devices down', () => {
    const tuesdays = examsAt(weekly('2026-10-06T11:00:00+02:00', 8));
    // About 9 % of device time is lost to faults, maintenance and outages, and their exams with it.
    expect(tuesdays.exams / tuesdays.typical).toBeGreaterThan(0.8);
    expect(tuesdays.exams / tuesdays.typical).toBeLessThan(1.02);
    tuesdays.inUse.forEach((inUse, i) => expect(inUse / tuesdays.working[i]!).toBeGreaterThan(0.15));
  });

  it('is near zero on a Sunday night, and quiet all Sunday', () => {
    const nights = examsAt(weekly('2026-10-04T04:00:00+02:00', 8));
    const tuesdays = examsAt(weekly('2026-10-06T11:00:00+02:00', 8));
    expect(nights.exams).toBeLessThan(0.03 * tuesdays.exams);
    expect(Math.max(...nights.inUse)).toBeLessThanOrEqual(2);
    // Whole days, from one minute before midnight.
    const sundays = examsAt(weekly('2026-10-04T23:59:00+02:00', 8));
    const wholeTuesdays = examsAt(weekly('2026-10-06T23:59:00+02:00', 8));
    expect(sundays.exams).toBeLessThan(0.1 * wholeTuesdays.exams);
    expect(sundays.exams).toBeGreaterThan(0);
  });
});

describe('faults, maintenance and outages', () => {
  // Every hour of a week, at half past.
  const times = Array.from({ length: 7 * 24 }, (_, h) => TUESDAY_11 + 30 * MINUTE + h * HOUR);
  const hourly = times.map((t) => at(t).healthDevices());
  const count = (devices: Device[], state: string) => devices.filter((d) => d.deviceState === state).length;

  it('come and go, a few at any time', () => {
    const total = hourly[0]!.length;
    for (const devices of hourly) {
      const down = count(devices, 'fault') + count(devices, 'maintenance') + count(devices, 'offline');
      expect(down).toBeLessThanOrEqual(Math.ceil(0.2 * total));
    }
    const share = (state: string) =>
      hourly.reduce((s, devices) => s + count(devices, state), 0) / (hourly.length * total);
    expect(share('fault')).toBeGreaterThan(0.01);
    expect(share('fault')).toBeLessThan(0.08);
    expect(share('maintenance')).toBeGreaterThan(0.01);
    expect(share('maintenance')).toBeLessThan(0.08);
    expect(share('offline')).toBeLessThan(0.03);
    // Some device is in fault at one hour and working at another.
    const faulty = hourly.flatMap((devices) =>
      devices.filter((d) => d.deviceState === 'fault').map((d) => d.id),
    );
    expect(
      faulty.some((id) =>
        hourly.some((devices) => ['idle', 'in-use'].includes(devices.find((d) => d.id === id)!.deviceState)),
      ),
    ).toBe(true);
  });

  it('stop a device’s exams, and an offline device’s reports', () => {
    let down = 0;
    let offline = 0;
    hourly.forEach((devices, h) => {
      const now = at(times[h]!);
      for (const d of devices) {
        if (d.deviceState === 'fault' || d.deviceState === 'maintenance') {
          // Down for the last five minutes at least: no exam ended then.
          expect(now.deviceSeries(d.id, 1)!.exams.at(-1), `${d.id} at ${times[h]}`).toBe(0);
          down++;
        }
        if (d.deviceState === 'offline') {
          // Its counters are as it last reported them, some time ago.
          const reported = Date.parse(d.dateLastValueReported);
          expect(reported).toBeLessThan(times[h]! - 10 * MINUTE);
          const then = at(reported)
            .healthDevices()
            .find((x) => x.id === d.id)!;
          // Counted from local midnight (UTC+1 all that week): nothing yet when it went offline yesterday.
          const day = (ms: number) => new Date(ms + HOUR).toISOString().slice(0, 10);
          expect([d.examsToday, d.dataSentTodayMB]).toEqual(
            day(reported) === day(times[h]!) ? [then.examsToday, then.dataSentTodayMB] : [0, 0],
          );
          offline++;
        }
      }
    });
    expect(down).toBeGreaterThan(100);
    expect(offline).toBeGreaterThan(0);
  });
});

describe('the path of a device’s data', () => {
  const devices = sim.healthDevices();
  const sites = new Map(sim.sites().map((s) => [s.id, s]));
  const dataCentre = sim
    .qkdLinks()
    .flatMap((l) => l.endpoints)
    .find((n) => n.name === 'Milano West data centre')!;

  it('goes from the nearest 5G site over a fibre and QKD links to the metropolitan data centre', () => {
    const links = new Map(sim.qkdLinks().map((l) => [l.id, l]));
    for (const d of devices) {
      const [site, fibre, ...qkd] = d.path;
      const nearest = [...sites.values()].reduce((a, b) =>
        distanceKm(a.location, d.location) <= distanceKm(b.location, d.location) ? a : b,
      );
      expect(site, d.id).toEqual({
        kind: 'site',
        refId: nearest.id,
        name: nearest.name,
        to: nearest.location,
      });
      expect(fibre?.kind).toBe('fibre');
      expect(d.path.at(-1)!.to).toEqual(dataCentre.location);
      // Each QKD link joins the end of the hop before to its own end.
      let from = fibre!.to;
      for (const hop of qkd) {
        const ends = links.get(hop.refId!)!.endpoints.map((n) => n.location);
        expect(ends, `${d.id} ${hop.refId}`).toContainEqual(from);
        expect(ends).toContainEqual(hop.to);
        expect(hop.name).toBe(links.get(hop.refId!)!.name);
        from = hop.to;
      }
    }
  });

  it('is QKD-keyed from the site only within 12 km of its QKD node: the periphery’s gap', () => {
    for (const d of devices) {
      const site = sites.get(d.path[0].refId)!;
      expect(d.path[1]!.qkdProtected, d.id).toBe(distanceKm(site.location, d.path[1]!.to) <= 12);
      if (!d.path[1]!.qkdProtected) expect(d.dataQkdProtectedTodayMB, d.id).toBe(0);
    }
    const share = (central: boolean) => {
      const some = devices.filter((d) => peripheral.has(d.municipalityId) !== central);
      return some.filter((d) => d.path[1]!.qkdProtected).length / some.length;
    };
    expect(share(true)).toBe(1);
    expect(share(false)).toBeLessThan(0.8);
    expect(share(false)).toBeGreaterThan(0);
  });

  it('counts as QKD-protected only the data sent while the whole path was', () => {
    for (const d of devices) {
      const series = sim.deviceSeries(d.id, 24)!;
      const today = series.timestamps.flatMap((t, i) =>
        Date.parse(t) >= Date.parse('2026-11-24T00:00:00+01:00') ? [i] : [],
      );
      const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
      expect(sum(today.map((i) => series.exams[i]!)), d.id).toBe(d.examsToday);
      expect(sum(today.map((i) => series.dataSentMB[i]!))).toBeCloseTo(d.dataSentTodayMB, 0);
      expect(sum(today.map((i) => (series.qkdProtected[i] ? series.dataSentMB[i]! : 0))), d.id).toBeCloseTo(
        d.dataQkdProtectedTodayMB,
        0,
      );
      expect(d.dataQkdProtectedTodayMB).toBeLessThanOrEqual(d.dataSentTodayMB);
    }
    const exams = devices.reduce((s, d) => s + d.examsToday, 0);
    expect(exams).toBeGreaterThan(100);
  });

  it('sends per exam what its kind of device records', () => {
    const mbPerExam = { endoscope: [280, 520], 'eye-probe': [105, 195], 'skin-probe': [21, 39] } as const;
    for (const d of devices.filter((x) => x.examsToday > 0)) {
      const [low, high] = mbPerExam[d.category];
      const mean = d.dataSentTodayMB / d.examsToday;
      expect(mean, d.id).toBeGreaterThanOrEqual(low);
      expect(mean, d.id).toBeLessThanOrEqual(high);
    }
  });
});

describe('the fallback-to-classical rule', () => {
  const { seed } = world;
  /** The QKD links some device's data crosses. */
  const carrying = new Set(
    sim
      .healthDevices()
      .flatMap((d) => d.path.flatMap((hop) => (hop.kind === 'qkd-link' ? [hop.refId!] : []))),
  );
  /** A minute in the week before when a QKD link carrying devices' data was over its alarm threshold. */
  const found = (() => {
    for (
      let spell = Math.floor((TUESDAY_11 - WEEK) / QBER_SPELL_MS);
      spell * QBER_SPELL_MS < TUESDAY_11;
      spell++
    )
      for (const link of QKD_LINKS) {
        if (!carrying.has(link.id)) continue;
        const excursion = qberExcursion(seed, link, spell);
        if (!excursion) continue;
        // At the start of a 5-minute step, so that the device's history shows it too.
        const step = 5 * MINUTE;
        for (let t = Math.ceil(excursion.crossedAt / step) * step; t < excursion.clearsAt; t += step)
          if (qberAt(seed, link.id, t) >= QBER_ALARM_PERCENT) return { link, excursion, t };
      }
    throw new Error('no excursion over a link that carries health data');
  })();
  const then = at(found.t);
  const devices = then.healthDevices();
  const crosses = (d: Device) => d.path.some((hop) => hop.refId === found.link.id);

  it('sends the data of the devices behind a link over its alarm under classical encryption', () => {
    expect(then.qkdLinks().find((l) => l.id === found.link.id)!.state).not.toBe('up');
    const affected = devices.filter(crosses);
    expect(affected.length).toBeGreaterThan(0);
    for (const d of affected) {
      expect(d.classicalFallback, d.id).toBe(true);
      expect(linkHops(d).find((hop) => hop.refId === found.link.id)!.qkdProtected).toBe(false);
      // The history a little later has a step starting then, unless the device is offline.
      if (d.deviceState === 'offline') continue;
      const series = at(found.t + 2 * MINUTE).deviceSeries(d.id, 1)!;
      const step = series.timestamps.indexOf(new Date(found.t).toISOString());
      expect(step).toBeGreaterThanOrEqual(0);
      expect(series.classicalFallback[step]).toBe(true);
      expect(series.qkdProtected[step]).toBe(false);
    }
    // The others fall back only if another link of theirs is over its alarm too.
    const up = new Set(
      then
        .qkdLinks()
        .filter((l) => l.state === 'up')
        .map((l) => l.id),
    );
    for (const d of devices.filter((x) => !crosses(x)))
      expect(d.classicalFallback, d.id).toBe(
        d.path.some((hop) => hop.kind === 'qkd-link' && !up.has(hop.refId!)),
      );
  });

  it('raises a high QKD alert at the link, naming the facilities of the devices behind it', () => {
    const alert = then
      .alerts()
      .find(
        (a) =>
          a.subCategory === 'health-data-classical-fallback' &&
          a.place?.refId === found.link.id &&
          a.dateIssued === new Date(found.excursion.crossedAt).toISOString(),
      );
    expect(alert).toMatchObject({
      category: 'qkd',
      severity: 'high',
      source: 'QKD key manager',
      place: {
        kind: 'qkd-link',
        refId: found.link.id,
        municipalityId: found.link.municipalityId,
        position: null,
      },
    });
    const facilities = new Map(then.healthFacilities().map((f) => [f.id, f.name]));
    for (const d of devices.filter(crosses))
      expect(alert!.description).toContain(facilities.get(d.facilityId));
    expect(alert!.description).toContain(found.link.name);
    // Not resolved while the QBER is still over the threshold.
    expect(['resolved', 'closed']).not.toContain(alert!.status);
  });

  it('keeps every path protected while the links are healthy', () => {
    let calm = found.excursion.crossedAt - 3 * HOUR;
    while (QKD_LINKS.some((l) => qberAt(seed, l.id, calm) >= QBER_ALARM_PERCENT)) calm -= 10 * MINUTE;
    for (const d of at(calm).healthDevices()) {
      expect(d.classicalFallback, d.id).toBe(false);
      for (const hop of linkHops(d).slice(1)) expect(hop.qkdProtected, `${d.id} ${hop.refId}`).toBe(true);
    }
  });

  it('raises one such alert for each spell over the alarm of a link that carries health data, and no other', () => {
    const window = 2 * DAY;
    const expected: string[] = [];
    for (const link of QKD_LINKS.filter((l) => carrying.has(l.id))) {
      const first = Math.floor((TUESDAY_11 - window) / QBER_SPELL_MS);
      for (let spell = first; spell * QBER_SPELL_MS <= TUESDAY_11; spell++) {
        for (let t = spell * QBER_SPELL_MS; t < (spell + 1) * QBER_SPELL_MS && t <= TUESDAY_11; t += MINUTE) {
          if (qberAt(seed, link.id, t) < QBER_ALARM_PERCENT) continue;
          if (t > TUESDAY_11 - window) expected.push(`${link.id} ${new Date(t).toISOString()}`);
          break;
        }
      }
    }
    expect(expected.length).toBeGreaterThan(0);
    const raised = sim
      .alerts()
      .filter((a) => a.subCategory === 'health-data-classical-fallback')
      .map((a) => `${a.place!.refId} ${a.dateIssued}`);
    expect(raised.sort()).toEqual(expected.sort());
  });
});

describe('a device’s history', () => {
  it('covers the hours asked in 5-minute steps up to its latest report', () => {
    const device = sim.healthDevices()[5]!;
    for (const hours of [1, 24, 168]) {
      const series = sim.deviceSeries(device.id, hours)!;
      expect(deviceSeriesSchema.parse(series)).toEqual(series);
      expect(series.stepSeconds).toBe(300);
      expect(series.to).toBe(device.dateLastValueReported);
      const span = Date.parse(series.to) - Date.parse(series.from);
      expect(span).toBeGreaterThanOrEqual(hours * HOUR);
      expect(span).toBeLessThan(hours * HOUR + 5 * MINUTE);
      expect(series.timestamps).toHaveLength(Math.ceil(span / (5 * MINUTE)));
      expect(series.timestamps[0]).toBe(series.from);
      series.timestamps.forEach((t, i) =>
        expect(Date.parse(t)).toBe(Date.parse(series.from) + i * 5 * MINUTE),
      );
    }
    expect(sim.deviceSeries('hd-nowhere', 24)).toBeUndefined();
  });
});
