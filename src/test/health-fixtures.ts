/** Hand-made health answers for tests: a device with plain defaults, and the hops of a path. */
import type { Device, LinkHop, SiteHop } from '../api/schemas/health';

export const SITE_HOP: SiteHop = { kind: 'site', refId: 'site-1', name: 'Site 1', to: [9.1, 45.1] };

export const linkHop = (
  kind: LinkHop['kind'],
  name: string,
  to: [number, number],
  qkdProtected: boolean,
): LinkHop => ({ kind, refId: kind === 'qkd-link' ? name : null, name, to, qkdProtected });

/** An idle eye probe at `fac-a` that has done nothing today, its path its 5G site alone; `over` changes it. */
export const aDevice = (id: string, over: Partial<Device> = {}): Device => ({
  id,
  name: `Device ${id}`,
  category: 'eye-probe',
  facilityId: 'fac-a',
  municipalityId: 'm',
  location: [9.0, 45.0],
  deviceState: 'idle',
  examsToday: 0,
  examsTypicalByNow: 0,
  dataSentTodayMB: 0,
  dataQkdProtectedTodayMB: 0,
  path: [SITE_HOP],
  classicalFallback: false,
  dateLastValueReported: '2026-03-11T08:30:00.000Z',
  ...over,
});
