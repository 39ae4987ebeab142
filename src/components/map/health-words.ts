import type { Device, Facility } from '../../api/schemas/health';
import type { Translate } from '../../i18n/i18n';
import { worstState } from '../../lib/health';
import { DEVICE_STATE_KEYS, FACILITY_KIND_KEYS } from '../ui/tones';

/** A facility in a few words: its name and kind, how many devices it has and the worst of them. */
export function describeFacility(facility: Facility, devices: readonly Device[] = [], t: Translate): string {
  const worst = worstState(devices);
  return t('map.facility.summary', {
    name: facility.name,
    kind: t(FACILITY_KIND_KEYS[facility.kind]),
    count: devices.length,
    state: worst ? t(DEVICE_STATE_KEYS[worst]).toLocaleLowerCase() : '—',
  });
}

/** A facility's state in words for the map's text alternative: its devices and the worst of them. */
export function facilityState(devices: readonly Device[] = [], t: Translate): string {
  const worst = worstState(devices);
  return worst
    ? t('map.facility.state', {
        count: devices.length,
        state: t(DEVICE_STATE_KEYS[worst]).toLocaleLowerCase(),
      })
    : t('map.facility.noDevices');
}
