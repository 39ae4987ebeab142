import type { Kpi, KpisResponse, Period } from '../../src/api/schemas/kpis';
import type { Alert } from '../../src/api/schemas/security';
import {
  issuedWithin,
  responseFigures,
  windowsOfLength,
  type TimeWindow,
} from '../../src/lib/response-times';
import { COVERED_THRESHOLD } from '../../src/lib/signal';
import { ALERTS_WINDOW_MS, generatedAlerts } from './alerts';
import type { World } from './build';
import { coverageOf, isOnAir } from './coverage';
import { airAt, corridorTraffic, siteStatusAt } from './dynamics';
import { healthActivity, type ActivitySampling } from './health';
import { trafficForecast } from './traffic-forecasts';
import { QKD_LINKS, qberAt, QBER_SECURITY_LIMIT_PERCENT } from './qkd';
import { eaqiIndex } from '../../src/lib/eaqi';
import { eaqiBandCount, stationPopulations } from '../../src/lib/eaqi-bands';
import { pm10DaysAboveThisYear } from './air-days';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PERIOD_MS: Record<Period, number> = { day: DAY, week: 7 * DAY, month: 30 * DAY, quarter: 91 * DAY };
const TREND_LENGTH = 8;
const SAMPLES_PER_PERIOD = 12;
const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
const orNull = (v: number | null, digits = 1) => (v === null ? null : round(v, digits));

/** Sample times spread across [start, end), offset so samples fall at varied hours. */
function sampleTimes(start: number, end: number, count = SAMPLES_PER_PERIOD): number[] {
  return Array.from({ length: count }, (_, i) => start + ((i + 0.37) / count) * (end - start));
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/**
 * The health devices' hours each period counts (see `healthActivity`): every device-hour of a
 * day; of longer periods a fixed sample of a quarter (week), a fifteenth (30 days) or a
 * thirty-third (quarter) of them, its hours a stride prime to the week's 168 apart so that they
 * fall at every hour of the week. Against the full count (36 periods of each length, three
 * seeds), the sampled values' rms error is under 0.5 pp of availability, about 3 % of the
 * peripheral exams and under 2 pp of the protected data; the largest seen, 1 pp, 9 % and 4 pp.
 */
const HEALTH_SAMPLING: Record<Period, ActivitySampling> = {
  day: { hourStride: 1, deviceStride: 1 },
  week: { hourStride: 1, deviceStride: 4 },
  month: { hourStride: 5, deviceStride: 3 },
  quarter: { hourStride: 11, deviceStride: 3 },
};

const percentOf = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);

/** The health sector's measures over one period, from the devices' activity in it. */
function healthMeasures(world: World, start: number, end: number, sampling: ActivitySampling) {
  const activity = healthActivity(world, start, end, sampling);
  const residents = world.territory.municipalities
    .filter((m) => m.peripheral)
    .reduce((sum, m) => sum + m.population, 0);
  return {
    devicesAvailable: percentOf(activity.availableMs, activity.deviceMs),
    // Exams a day per 10,000 residents of the peripheral municipalities.
    peripheralExams:
      residents > 0 ? (activity.peripheralExams / ((end - start) / DAY) / residents) * 1e4 : null,
    dataQkdProtected: percentOf(activity.qkdProtectedMB, activity.dataMB),
  };
}

/** The measures behind each KPI over one period, from samples of the simulation. */
function measure(world: World, start: number, end: number, period: Period) {
  const times = sampleTimes(start, end);
  const airStations = world.sensors.filter((s) => s.kind === 'air');
  const people = stationPopulations(airStations, populationOf(world));
  const totalPeople = [...people.values()].reduce((a, b) => a + b, 0);
  const corridors = [...world.corridorsById.keys()];

  const sitesOnAir = mean(
    times.map((t) => world.sites.filter((s) => isOnAir(siteStatusAt(world.seed, s.id, t))).length),
  );
  // Residents near a station whose hourly index is poor or worse (4–6), as a share of all.
  const poorAirShare = mean(
    times.map(
      (t) =>
        airStations
          .filter((s) => eaqiIndex(airAt(world, s.id, t))! >= 4)
          .reduce((sum, s) => sum + people.get(s.id)!, 0) / totalPeople,
    ),
  );
  const congestion = mean(
    times.flatMap((t) =>
      corridors.map((id) => {
        const ff = world.corridorsById.get(id)!.freeFlowKmh;
        return Math.max(0, 1 - corridorTraffic(world, id, t).speed / ff);
      }),
    ),
  );
  const qkdUp = mean(
    times.flatMap((t) =>
      QKD_LINKS.map((l) => (qberAt(world.seed, l.id, t) < QBER_SECURITY_LIMIT_PERCENT ? 1 : 0)),
    ),
  );
  return {
    sitesOnAir,
    poorAirPopulation: poorAirShare * 100,
    pm10DaysAbove: pm10DaysAboveThisYear(world, end),
    congestionIndex: congestion * 100,
    qkdAvailability: qkdUp * 100,
    ...healthMeasures(world, start, end, HEALTH_SAMPLING[period]),
  };
}

const populationOf = (world: World) => {
  const population = new Map(world.territory.municipalities.map((m) => [m.id, m.population]));
  return (id: string) => population.get(id);
};

/** The stations in each EAQI band at a time, and the residents near them. */
function bandsAt(world: World, timeMs: number) {
  const stations = world.sensors.filter((s) => s.kind === 'air');
  return eaqiBandCount(stations, (id) => eaqiIndex(airAt(world, id, timeMs)), populationOf(world)).bands;
}

/** The alerts issued in the last `windowMs`, as the backend holds them now. */
export type AlertsWithin = (windowMs: number) => Alert[];

const openCritical = (alerts: readonly Alert[]) =>
  alerts.filter((a) => a.severity === 'critical' && a.status !== 'resolved' && a.status !== 'closed').length;

/**
 * MTTA and MTTR in minutes over the alerts issued in a window, by the one definition the
 * Response times panel uses (`responseFigures`); null when no alert was acknowledged or resolved.
 */
function responseMinutes(alerts: readonly Alert[], window: TimeWindow) {
  const figures = responseFigures(issuedWithin(alerts, window));
  const minutes = (seconds: number | null) => (seconds === null ? null : round(seconds / 60));
  return { mtta: minutes(figures.mttaSeconds), mttr: minutes(figures.mttrSeconds) };
}

export function kpisAt(
  world: World,
  period: Period,
  nowMs: number,
  alertsWithin: AlertsWithin = (windowMs) => generatedAlerts(world, nowMs, windowMs),
): KpisResponse {
  const length = PERIOD_MS[period];
  const end = nowMs;
  const periods = Array.from({ length: TREND_LENGTH }, (_, i) => {
    const periodEnd = end - (TREND_LENGTH - 1 - i) * length;
    return measure(world, periodEnd - length, periodEnd, period);
  });
  const current = periods[periods.length - 1]!;
  const previous = periods[periods.length - 2]!;
  const coverage = coverageOf(world, 'n78', nowMs);
  const revenue = world.sites.reduce((s, site) => s + site.leaseRevenueEurPerYear, 0);
  const forecast = trafficForecast(world, [...world.corridorsById.keys()][0]!, nowMs).accuracy.find(
    (a) => a.horizonMinutes === 60,
  )!;
  const alerts = alertsWithin(Math.max(2 * length, ALERTS_WINDOW_MS));
  const windows = windowsOfLength(length, nowMs);
  const response = responseMinutes(alerts, windows.current);
  const responseBefore = responseMinutes(alerts, windows.previous);

  const series = <K extends keyof typeof current>(key: K, digits = 1) =>
    periods.map((p) => orNull(p[key], digits));
  const kpi = (k: Omit<Kpi, 'trend'> & { trend?: Kpi['trend'] }): Kpi => ({ trend: [], ...k });

  return {
    period,
    from: new Date(end - length).toISOString(),
    to: new Date(end).toISOString(),
    items: [
      kpi({
        id: 'sites-on-air',
        label: '5G sites on air',
        unit: 'sites',
        value: round(current.sitesOnAir),
        target: 60,
        previous: round(previous.sitesOnAir),
        direction: 'higher-is-better',
        trend: series('sitesOnAir'),
      }),
      kpi({
        id: 'population-covered',
        label: `Population covered by 5G (${COVERED_THRESHOLD})`,
        unit: '%',
        value: round(coverage.populationShare * 100),
        target: 95,
        previous: null,
        direction: 'higher-is-better',
      }),
      kpi({
        id: 'peripheral-coverage',
        label: `Peripheral municipalities covered by 5G (${COVERED_THRESHOLD})`,
        unit: '%',
        value: round(coverage.peripheralShare * 100),
        target: 90,
        previous: null,
        direction: 'higher-is-better',
      }),
      kpi({
        id: 'central-coverage',
        label: `Central municipalities covered by 5G (${COVERED_THRESHOLD})`,
        unit: '%',
        value: round(coverage.centralShare * 100),
        target: 95,
        previous: null,
        direction: 'higher-is-better',
      }),
      kpi({
        id: 'digital-divide-gap',
        label: 'Digital-divide gap (central minus peripheral coverage)',
        unit: 'pp',
        value: round((coverage.centralShare - coverage.peripheralShare) * 100),
        target: 5,
        previous: null,
        direction: 'lower-is-better',
      }),
      kpi({
        id: 'lease-revenue',
        label: 'Lease revenue per year',
        unit: '€',
        value: revenue,
        target: 2_000_000,
        previous: null,
        direction: 'higher-is-better',
      }),
      kpi({
        id: 'public-expenditure',
        label: 'Public expenditure on the network',
        unit: '€',
        value: 0,
        target: 0,
        previous: 0,
        direction: 'lower-is-better',
      }),
      kpi({
        id: 'poor-air-population',
        label: 'Population near stations with poor or worse air (EAQI 4–6)',
        unit: '%',
        value: round(current.poorAirPopulation),
        target: null,
        previous: round(previous.poorAirPopulation),
        direction: 'lower-is-better',
        trend: series('poorAirPopulation'),
        description:
          'Share of residents near an air-quality station whose hourly European Air Quality Index is poor, very poor or extremely poor, averaged over the period; the bands are the stations and residents in each band now. Each station stands for its municipality’s population (ISTAT), split evenly among the municipality’s stations.',
        bands: bandsAt(world, end),
      }),
      kpi({
        id: 'pm10-days-above-limit',
        label: 'Days this year with PM10 above 50 µg/m³ (24-hour mean)',
        unit: 'days',
        value: current.pm10DaysAbove,
        target: 35,
        previous: previous.pm10DaysAbove,
        direction: 'lower-is-better',
        trend: series('pm10DaysAbove', 0),
        description:
          'Complete days since 1 January (Milan time) on which at least one station’s PM10 daily mean was above 50 µg/m³, the EU limit in force (Directive 2008/50/EC), which allows 35 such days a year. From 2030 (Directive (EU) 2024/2881): 45 µg/m³, 18 days.',
      }),
      kpi({
        id: 'congestion-index',
        label: 'Congestion index',
        unit: '%',
        value: round(current.congestionIndex),
        target: 20,
        previous: round(previous.congestionIndex),
        direction: 'lower-is-better',
        trend: series('congestionIndex'),
      }),
      kpi({
        id: 'forecast-mae-1h',
        label: 'Traffic forecast error at 1 h (MAE)',
        unit: 'km/h',
        value: forecast.mae,
        target: forecast.baselineMae,
        previous: null,
        direction: 'lower-is-better',
      }),
      kpi({
        id: 'open-critical-alerts',
        label: 'Open critical alerts',
        unit: 'alerts',
        value: openCritical(alerts.filter((a) => Date.parse(a.dateIssued) >= nowMs - ALERTS_WINDOW_MS)),
        target: 0,
        previous: openCritical(generatedAlerts(world, nowMs - DAY)),
        direction: 'lower-is-better',
      }),
      kpi({
        id: 'mtta',
        label: 'Mean time to acknowledge',
        unit: 'min',
        value: response.mtta,
        target: 30,
        previous: responseBefore.mtta,
        direction: 'lower-is-better',
      }),
      kpi({
        id: 'mttr',
        label: 'Mean time to resolve',
        unit: 'min',
        value: response.mttr,
        target: 360,
        previous: responseBefore.mttr,
        direction: 'lower-is-better',
      }),
      kpi({
        id: 'qkd-availability',
        // Share of sampled link-time whose QBER let a secret key be distilled, not a key-pool measure.
        label: `QKD link time below the ${QBER_SECURITY_LIMIT_PERCENT}% QBER security limit`,
        unit: '%',
        value: round(current.qkdAvailability),
        target: 99,
        previous: round(previous.qkdAvailability),
        direction: 'higher-is-better',
        trend: series('qkdAvailability'),
      }),
      kpi({
        id: 'health-devices-available',
        label: 'Diagnostic devices available',
        unit: '%',
        value: orNull(current.devicesAvailable),
        target: 95,
        previous: orNull(previous.devicesAvailable),
        direction: 'higher-is-better',
        trend: series('devicesAvailable'),
        description:
          'Share of the diagnostic devices’ time in the period, day and night, in which they were in use or idle: not under maintenance, in fault or offline. Over a week or longer, estimated from a fixed sample of the devices’ hours.',
      }),
      kpi({
        id: 'health-peripheral-exams',
        label: 'Exams a day in peripheral municipalities, per 10,000 residents',
        unit: 'exams',
        value: orNull(current.peripheralExams, 2),
        target: 5,
        previous: orNull(previous.peripheralExams, 2),
        direction: 'higher-is-better',
        trend: series('peripheralExams', 2),
        description:
          'Exams done on the diagnostic devices of facilities in peripheral municipalities, a day on average over the period, per 10,000 residents of those municipalities (ISTAT). Over a week or longer, estimated from a fixed sample of the devices’ hours.',
      }),
      kpi({
        id: 'health-data-qkd-protected',
        label: 'Health data that crossed only QKD-protected links',
        unit: '%',
        value: orNull(current.dataQkdProtected),
        target: 99,
        previous: orNull(previous.dataQkdProtected),
        direction: 'higher-is-better',
        trend: series('dataQkdProtected'),
        description:
          'Share of the MB the diagnostic devices sent in the period that travelled under quantum keys all the way to the data centre: over a fibre from the 5G site to its QKD node keyed by them, and over QKD links each up, its QBER below the alarm threshold. The rest went under classical encryption. Over a week or longer, estimated from a fixed sample of the devices’ hours.',
      }),
    ],
  };
}

/** The Italian labels and units of the indicators, as a backend serving `?lang=it` gives them. */
const ITALIAN: Record<string, { label: string; unit?: string; description?: string }> = {
  'sites-on-air': { label: 'Siti 5G in servizio', unit: 'siti' },
  'population-covered': { label: `Popolazione coperta dal 5G (${COVERED_THRESHOLD})` },
  'peripheral-coverage': { label: `Comuni periferici coperti dal 5G (${COVERED_THRESHOLD})` },
  'central-coverage': { label: `Comuni centrali coperti dal 5G (${COVERED_THRESHOLD})` },
  'digital-divide-gap': { label: 'Divario digitale (copertura centrale meno periferica)', unit: 'pp' },
  'lease-revenue': { label: 'Canoni di locazione annui' },
  'public-expenditure': { label: 'Spesa pubblica per la rete' },
  'poor-air-population': {
    label: 'Popolazione vicina a stazioni con aria scadente o peggiore (EAQI 4–6)',
    description:
      'Quota di residenti vicini a una stazione di qualità dell’aria il cui indice europeo orario è scadente, molto scadente o estremamente scadente, in media sul periodo; le fasce sono le stazioni e i residenti in ciascuna fascia ora. Ogni stazione rappresenta la popolazione del proprio comune (ISTAT), divisa in parti uguali tra le stazioni del comune.',
  },
  'pm10-days-above-limit': {
    label: 'Giorni dell’anno con PM10 oltre 50 µg/m³ (media su 24 ore)',
    unit: 'giorni',
    description:
      'Giorni interi dal 1° gennaio (ora di Milano) in cui la media giornaliera di PM10 di almeno una stazione ha superato 50 µg/m³, il limite UE in vigore (direttiva 2008/50/CE), che consente 35 giorni di superamento all’anno. Dal 2030 (direttiva (UE) 2024/2881): 45 µg/m³, 18 giorni.',
  },
  'congestion-index': { label: 'Indice di congestione' },
  'forecast-mae-1h': { label: 'Errore della previsione del traffico a 1 h (MAE)' },
  'open-critical-alerts': { label: 'Allarmi critici aperti', unit: 'allarmi' },
  mtta: { label: 'Tempo medio di presa in carico' },
  mttr: { label: 'Tempo medio di risoluzione' },
  'qkd-availability': {
    label: `Tempo dei collegamenti QKD sotto il limite di sicurezza del QBER (${QBER_SECURITY_LIMIT_PERCENT}%)`,
  },
  'health-devices-available': {
    label: 'Dispositivi diagnostici disponibili',
    description:
      'Quota del tempo dei dispositivi diagnostici nel periodo, giorno e notte, in cui erano in uso o pronti all’uso, cioè né in manutenzione né guasti né offline. Su una settimana o più, la quota è stimata su un campione fisso delle ore dei dispositivi.',
  },
  'health-peripheral-exams': {
    label: 'Esami al giorno nei comuni periferici, ogni 10.000 abitanti',
    unit: 'esami',
    description:
      'Esami eseguiti con i dispositivi diagnostici delle strutture dei comuni periferici, in media al giorno nel periodo, ogni 10.000 residenti di quei comuni (ISTAT). Su una settimana o più, il valore è stimato su un campione fisso delle ore dei dispositivi.',
  },
  'health-data-qkd-protected': {
    label: 'Dati sanitari transitati solo su collegamenti protetti da QKD',
    description:
      'Quota dei MB inviati dai dispositivi diagnostici nel periodo che hanno viaggiato fino al data centre cifrati con chiavi quantistiche per tutto il percorso: su una fibra dal sito 5G al nodo QKD cifrata con quelle chiavi e su collegamenti QKD tutti attivi, con il QBER sotto la soglia di allarme. Il resto è stato trasmesso con cifratura classica. Su una settimana o più, la quota è stimata su un campione fisso delle ore dei dispositivi.',
  },
};

/** The indicators in the language asked for (`?lang=`); English unless a translation exists. */
export function localisedKpis(response: KpisResponse, language: string | null): KpisResponse {
  if (language !== 'it') return response;
  return {
    ...response,
    items: response.items.map((k) => ({ ...k, ...ITALIAN[k.id], unit: ITALIAN[k.id]?.unit ?? k.unit })),
  };
}
