import type { TrafficForecast } from '../../api/schemas/forecasts';
import type { Kpi } from '../../api/schemas/kpis';
import type { Site } from '../../api/schemas/network';
import type { QkdLink } from '../../api/schemas/security';
import type { Reading, Sensor } from '../../api/schemas/sensors';
import type { Territory } from '../../api/schemas/territory';
import { mergeReadings } from '../../lib/sensors';
import { evaluateFigure, SKILL_HORIZON_MINUTES, type FigureData } from './figure-values';

const NOW = Date.parse('2026-03-11T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const territory = {
  municipalities: [
    { id: 'a', population: 1_371_000, areaKm2: 181.7, peripheral: false },
    { id: 'b', population: 1_850_000, areaKm2: 1_394.3, peripheral: true },
  ],
} as unknown as Territory;
const sites = [{ leaseRevenueEurPerYear: 1_200_000 }, { leaseRevenueEurPerYear: 1_060_000 }] as Site[];
const kpi = (id: string, value: number | null, target: number | null, better = 'higher-is-better') =>
  ({ id, value, target, direction: better }) as Kpi;
const kpis = [
  kpi('public-expenditure', 0, 0, 'lower-is-better'),
  kpi('population-covered', 96.4, 95),
  kpi('mtta', 42, 30, 'lower-is-better'),
  kpi('qkd-availability', null, 99),
  kpi('health-devices-available', 91.2, 95),
  kpi('health-peripheral-exams', 4.63, 5),
  kpi('health-data-qkd-protected', 59.1, 99),
];
const sensors = [
  { id: 'air-1', kind: 'air', cadenceSeconds: 600 },
  { id: 'air-2', kind: 'air', cadenceSeconds: 600 },
  { id: 'trf-1', kind: 'traffic', cadenceSeconds: 60 },
] as Sensor[];
const readings = mergeReadings(undefined, {
  generatedAt: iso(NOW),
  items: [
    { kind: 'air', sensorId: 'air-1', dateObserved: iso(NOW - 60_000) },
    // Two cadences missed: not reporting.
    { kind: 'air', sensorId: 'air-2', dateObserved: iso(NOW - 30 * 60_000) },
    { kind: 'traffic', sensorId: 'trf-1', dateObserved: iso(NOW - 30_000) },
  ] as Reading[],
});
const forecast = (mae: number, baselineMae: number) =>
  ({
    issuedAt: iso(NOW),
    steps: [{ t: iso(NOW + 15 * 60_000) }, { t: iso(NOW + 24 * 3_600_000) }],
    accuracy: [{ horizonMinutes: SKILL_HORIZON_MINUTES, mae, baselineMae }],
  }) as TrafficForecast;
const qkd = [{ state: 'up' }, { state: 'up' }, { state: 'degraded' }] as QkdLink[];

const all: FigureData = {
  now: NOW,
  territory,
  sites,
  kpis,
  sensors,
  readings,
  forecasts: [forecast(3, 5), forecast(4, 5)],
  qkd,
};
const value = (id: Parameters<typeof evaluateFigure>[0], data: Partial<FigureData> = all) =>
  evaluateFigure(id, { now: NOW, ...data }, new Set());

describe('scene figures', () => {
  it('are computed from the answers the screen holds', () => {
    expect(value('municipalities')).toEqual({ kind: 'ready', value: '2' });
    expect(value('population')).toEqual({ kind: 'ready', value: '3.2m' });
    expect(value('area')).toEqual({ kind: 'ready', value: '1,576' });
    expect(value('peripheralMunicipalities')).toEqual({ kind: 'ready', value: '1' });
    expect(value('sites')).toEqual({ kind: 'ready', value: '2' });
    expect(value('leaseRevenue')).toEqual({ kind: 'ready', value: '€2.26m' });
    expect(value('publicExpenditure')).toEqual({ kind: 'ready', value: '€0' });
    expect(value('populationCovered')).toEqual({ kind: 'ready', value: '96%' });
    expect(value('timeToAcknowledge')).toEqual({ kind: 'ready', value: '42 min' });
    expect(value('qkdLinksUp')).toEqual({ kind: 'ready', value: '2 / 3' });
    // Expenditure and coverage meet their targets; the time to acknowledge and the health sector's do not.
    expect(value('indicatorsOnTarget')).toEqual({ kind: 'ready', value: '2 / 6' });
  });

  it('read the health sector’s indicators', () => {
    expect(value('healthDevicesAvailable')).toEqual({ kind: 'ready', value: '91%' });
    expect(value('peripheralExams')).toEqual({ kind: 'ready', value: '4.6' });
    expect(value('healthDataQkdProtected')).toEqual({ kind: 'ready', value: '59%' });
    expect(value('peripheralExams', { kpis: [] })).toEqual({ kind: 'unavailable' });
    expect(value('healthDataQkdProtected', {})).toEqual({ kind: 'loading' });
  });

  it('count only the sensors still reporting', () => {
    expect(value('sensorsReporting')).toEqual({ kind: 'ready', value: '2' });
    expect(value('airStationsReporting')).toEqual({ kind: 'ready', value: '1' });
    expect(value('trafficSensorsReporting')).toEqual({ kind: 'ready', value: '1' });
  });

  it('read the forecasts’ reach and their skill against the naive baseline', () => {
    expect(value('forecastHorizon')).toEqual({ kind: 'ready', value: '1 d' });
    expect(value('corridorsForecast')).toEqual({ kind: 'ready', value: '2' });
    // 1 − 3/5 and 1 − 4/5: 30 % on average.
    expect(value('forecastSkill')).toEqual({ kind: 'ready', value: '30%' });
  });

  it('wait for their sources, and say when the answers do not hold them', () => {
    expect(value('sites', {})).toEqual({ kind: 'loading' });
    expect(value('sensorsReporting', { sensors })).toEqual({ kind: 'loading' });
    expect(evaluateFigure('sites', { now: NOW }, new Set(['sites']))).toEqual({ kind: 'unavailable' });
    expect(value('qkdAvailability')).toEqual({ kind: 'unavailable' });
    expect(value('publicExpenditure', { kpis: [] })).toEqual({ kind: 'unavailable' });
    expect(value('forecastSkill', { forecasts: [] })).toEqual({ kind: 'unavailable' });
  });
});
