import type { Pollutant } from '../api/schemas/forecasts';
import type { Device } from '../api/schemas/health';
import type { Site } from '../api/schemas/network';
import type { Alert, QkdLink } from '../api/schemas/security';
import type { Reading, Sensor } from '../api/schemas/sensors';
import { isActive } from './alert-places';
import { EU_LIMITS, inForce, type LimitKind } from './eu-limits';
import { isSensorStale } from './sensors';

/** How grave an item is: the order a wall lists them in. */
export const ATTENTION_LEVELS = ['critical', 'high', 'warning'] as const;
export type AttentionLevel = (typeof ATTENTION_LEVELS)[number];

/** Something on the territory that needs a person, as a wall lists it. */
export type AttentionItem = { key: string; level: AttentionLevel; name: string; since: number } & (
  | { kind: 'alert'; severity: 'critical' | 'high'; category: string }
  | { kind: 'site-offline' }
  | {
      kind: 'station-over-limit';
      pollutant: Pollutant;
      value: number;
      limit: number;
      /** An hourly limit, or ozone's information or alert threshold. */
      limitKind: LimitKind;
    }
  | { kind: 'qkd-link'; state: QkdLink['state']; qberOverAlarm: boolean }
  | { kind: 'device-fault'; facilityId: string }
);

export interface AttentionSources {
  alerts?: readonly Alert[];
  sites?: readonly Site[];
  sensors?: readonly Sensor[];
  readings?: ReadonlyMap<string, Reading>;
  qkdLinks?: readonly QkdLink[];
  devices?: readonly Device[];
}

/**
 * Hourly EU values in force (Directive 2008/50/EC): NO₂'s and SO₂'s limits and ozone's
 * information threshold, the only ones an hourly reading can pass on its own; daily and 8-hour
 * values are judged on their means. Past the alert threshold, the information one is not repeated.
 */
const HOURLY_LIMITS = Object.entries(EU_LIMITS)
  .flatMap(([pollutant, limits]) =>
    limits
      .filter((l) => l.period === 1 && inForce(l))
      .map((l) => ({ pollutant: pollutant as Pollutant, value: l.value, kind: l.kind })),
  )
  .sort((a, b) => b.value - a.value);

/**
 * What needs attention now, worst first and, within a level, longest waiting first: active
 * critical and high alerts, sites offline, stations whose latest hourly value is above an hourly
 * EU limit in force or an ozone threshold, QKD links down, degraded or past their QBER alarm, and
 * diagnostic devices in fault.
 */
export function attentionItems(sources: AttentionSources, now: number): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const a of sources.alerts ?? [])
    if (isActive(a) && (a.severity === 'critical' || a.severity === 'high'))
      items.push({
        key: `alert:${a.id}`,
        kind: 'alert',
        level: a.severity,
        severity: a.severity,
        category: `${a.category} · ${a.subCategory}`,
        name: a.source,
        since: Date.parse(a.dateIssued),
      });
  for (const s of sources.sites ?? [])
    if (s.status === 'offline')
      items.push({
        key: `site:${s.id}`,
        kind: 'site-offline',
        level: 'high',
        name: s.name,
        since: Date.parse(s.dateLastValueReported),
      });
  for (const s of sources.sensors ?? []) {
    if (s.kind !== 'air') continue;
    const reading = sources.readings?.get(s.id);
    if (reading?.kind !== 'air' || isSensorStale(s, reading, now)) continue;
    const passed = new Set<Pollutant>();
    for (const limit of HOURLY_LIMITS)
      if (reading[limit.pollutant] > limit.value && !passed.has(limit.pollutant)) {
        passed.add(limit.pollutant);
        items.push({
          key: `station:${s.id}:${limit.pollutant}`,
          kind: 'station-over-limit',
          level: limit.kind === 'alert' ? 'high' : 'warning',
          name: s.name,
          pollutant: limit.pollutant,
          value: reading[limit.pollutant],
          limit: limit.value,
          limitKind: limit.kind,
          since: Date.parse(reading.dateObserved),
        });
      }
  }
  for (const l of sources.qkdLinks ?? []) {
    const qberOverAlarm = l.qberPercent > l.qberAlarmPercent;
    if (l.state === 'up' && !qberOverAlarm) continue;
    items.push({
      key: `qkd:${l.id}`,
      kind: 'qkd-link',
      level: l.state === 'down' ? 'high' : 'warning',
      state: l.state,
      qberOverAlarm,
      name: l.name,
      since: Date.parse(l.dateLastValueReported),
    });
  }
  for (const d of sources.devices ?? [])
    if (d.deviceState === 'fault')
      items.push({
        key: `device:${d.id}`,
        kind: 'device-fault',
        level: 'warning',
        name: d.name,
        facilityId: d.facilityId,
        since: Date.parse(d.dateLastValueReported),
      });
  const rank = (i: AttentionItem) => ATTENTION_LEVELS.indexOf(i.level);
  return items.sort((a, b) => rank(a) - rank(b) || a.since - b.since);
}
