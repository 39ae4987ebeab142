import type { TrafficForecast } from '../../api/schemas/forecasts';
import type { Kpi } from '../../api/schemas/kpis';
import type { Site } from '../../api/schemas/network';
import type { QkdLink } from '../../api/schemas/security';
import { SENSOR_KINDS, type Sensor } from '../../api/schemas/sensors';
import type { SceneFigure } from '../../api/schemas/story';
import type { Territory } from '../../api/schemas/territory';
import { currentLocale } from '../../i18n/i18n';
import { skill } from '../../lib/accuracy';
import { formatDuration, formatEuro, formatNumber, formatPercent } from '../../lib/format';
import { sensorRows, type LiveReadings } from '../../lib/sensors';

/** The API answers a figure is computed from. */
export type FigureSource = 'territory' | 'sites' | 'kpis' | 'sensors' | 'readings' | 'forecasts' | 'qkd';

/** What has arrived of each source; a figure is computed once all of its sources are here. */
export interface FigureData {
  territory: Territory;
  sites: readonly Site[];
  kpis: readonly Kpi[];
  sensors: readonly Sensor[];
  readings: LiveReadings;
  forecasts: readonly TrafficForecast[];
  qkd: readonly QkdLink[];
  now: number;
}

interface FigureDefinition {
  sources: readonly FigureSource[];
  /** The figure as shown, or null when the answers do not hold it. */
  value: (data: FigureData) => string | null;
}

/** Six hours ahead, the horizon the story's prediction scene speaks of. */
export const SKILL_HORIZON_MINUTES = 360;

const compact = (value: number, digits: number, currency?: string) =>
  new Intl.NumberFormat(currentLocale(), {
    notation: 'compact',
    maximumFractionDigits: digits,
    ...(currency ? { style: 'currency', currency } : {}),
  }).format(value);

const sum = <T>(items: readonly T[], of: (item: T) => number) => items.reduce((s, item) => s + of(item), 0);

const kpiValue = (kpis: readonly Kpi[], id: string) => kpis.find((k) => k.id === id)?.value ?? null;
const kpiPercent = (id: string) => (d: FigureData) => {
  const value = kpiValue(d.kpis, id);
  return value === null ? null : formatPercent(value / 100);
};

/** Sensors of the given kinds whose latest reading is fresh. */
function reporting(d: FigureData, kinds: readonly Sensor['kind'][] = SENSOR_KINDS): number {
  let count = 0;
  for (const kind of kinds)
    count += sensorRows(d.sensors, d.readings.bySensor, kind, d.now).filter(
      (r) => r.reading && !r.stale,
    ).length;
  return count;
}

const onTarget = (k: Kpi) =>
  k.value !== null &&
  k.target !== null &&
  (k.direction === 'higher-is-better' ? k.value >= k.target : k.value <= k.target);

export const FIGURES: Record<SceneFigure, FigureDefinition> = {
  municipalities: {
    sources: ['territory'],
    value: (d) => formatNumber(d.territory.municipalities.length),
  },
  population: {
    sources: ['territory'],
    value: (d) =>
      compact(
        sum(d.territory.municipalities, (m) => m.population),
        1,
      ),
  },
  area: {
    sources: ['territory'],
    value: (d) => formatNumber(sum(d.territory.municipalities, (m) => m.areaKm2)),
  },
  peripheralMunicipalities: {
    sources: ['territory'],
    value: (d) => formatNumber(d.territory.municipalities.filter((m) => m.peripheral).length),
  },
  sites: { sources: ['sites'], value: (d) => formatNumber(d.sites.length) },
  leaseRevenue: {
    sources: ['sites'],
    value: (d) =>
      compact(
        sum(d.sites, (s) => s.leaseRevenueEurPerYear),
        2,
        'EUR',
      ),
  },
  publicExpenditure: {
    sources: ['kpis'],
    value: (d) => {
      const value = kpiValue(d.kpis, 'public-expenditure');
      return value === null ? null : formatEuro(value);
    },
  },
  populationCovered: { sources: ['kpis'], value: kpiPercent('population-covered') },
  peripheralCoverage: { sources: ['kpis'], value: kpiPercent('peripheral-coverage') },
  sensorsReporting: { sources: ['sensors', 'readings'], value: (d) => formatNumber(reporting(d)) },
  airStationsReporting: {
    sources: ['sensors', 'readings'],
    value: (d) => formatNumber(reporting(d, ['air'])),
  },
  trafficSensorsReporting: {
    sources: ['sensors', 'readings'],
    value: (d) => formatNumber(reporting(d, ['traffic'])),
  },
  forecastHorizon: {
    sources: ['forecasts'],
    value: (d) => {
      const ends = d.forecasts.flatMap((f) => {
        const last = f.steps.at(-1);
        return last ? [Date.parse(last.t) - Date.parse(f.issuedAt)] : [];
      });
      return ends.length ? formatDuration(Math.max(...ends) / 1000) : null;
    },
  },
  forecastSkill: {
    sources: ['forecasts'],
    value: (d) => {
      const skills = d.forecasts.flatMap((f) => {
        const at = f.accuracy.find((a) => a.horizonMinutes === SKILL_HORIZON_MINUTES);
        return at && at.baselineMae > 0 ? [skill(at.mae, at.baselineMae)] : [];
      });
      return skills.length ? formatPercent(sum(skills, (s) => s) / skills.length) : null;
    },
  },
  corridorsForecast: { sources: ['forecasts'], value: (d) => formatNumber(d.forecasts.length) },
  qkdLinksUp: {
    sources: ['qkd'],
    value: (d) =>
      `${formatNumber(d.qkd.filter((l) => l.state === 'up').length)} / ${formatNumber(d.qkd.length)}`,
  },
  qkdAvailability: { sources: ['kpis'], value: kpiPercent('qkd-availability') },
  timeToAcknowledge: {
    sources: ['kpis'],
    value: (d) => {
      const minutes = kpiValue(d.kpis, 'mtta');
      return minutes === null ? null : formatDuration(minutes * 60);
    },
  },
  indicatorsOnTarget: {
    sources: ['kpis'],
    value: (d) => {
      const judged = d.kpis.filter((k) => k.value !== null && k.target !== null);
      return judged.length
        ? `${formatNumber(judged.filter(onTarget).length)} / ${formatNumber(judged.length)}`
        : null;
    },
  },
  healthDevicesAvailable: { sources: ['kpis'], value: kpiPercent('health-devices-available') },
  peripheralExams: {
    sources: ['kpis'],
    value: (d) => {
      const value = kpiValue(d.kpis, 'health-peripheral-exams');
      return value === null ? null : formatNumber(value, 1);
    },
  },
  healthDataQkdProtected: { sources: ['kpis'], value: kpiPercent('health-data-qkd-protected') },
};

export type FigureState = { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'ready'; value: string };

/**
 * A figure once its sources have arrived; unavailable when one of them failed before it ever
 * arrived, or when the answers do not hold the figure.
 */
export function evaluateFigure(
  id: SceneFigure,
  data: Partial<FigureData> & { now: number },
  failed: ReadonlySet<FigureSource>,
): FigureState {
  const { sources, value } = FIGURES[id];
  if (sources.every((s) => data[s] !== undefined)) {
    const shown = value(data as FigureData);
    return shown === null ? { kind: 'unavailable' } : { kind: 'ready', value: shown };
  }
  return sources.some((s) => data[s] === undefined && failed.has(s))
    ? { kind: 'unavailable' }
    : { kind: 'loading' };
}
