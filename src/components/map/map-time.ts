import { t } from '../../i18n/i18n';

/** The map's time, as an offset from now in minutes: negative is observed history, positive forecast. */
export const TIME_STEP_MIN = 15;
export const TIME_RANGE_MIN = 24 * 60;
/** How long Play shows each hour, once it has loaded, before moving on. */
export const PLAY_FRAME_MS = 1500;
const STEP_MS = TIME_STEP_MIN * 60_000;

export type TimeMode = 'live' | 'past' | 'forecast';

/** The `time` URL parameter: whole steps within ±24 h; anything else means now. */
export function parseTimeOffset(value: string | undefined): number {
  const minutes = Number(value);
  if (!value || !Number.isInteger(minutes) || Math.abs(minutes) > TIME_RANGE_MIN) return 0;
  return Math.round(minutes / TIME_STEP_MIN) * TIME_STEP_MIN;
}

export const formatTimeOffset = (minutes: number) => (minutes === 0 ? undefined : String(minutes));

export const timeMode = (offsetMin: number): TimeMode =>
  offsetMin === 0 ? 'live' : offsetMin < 0 ? 'past' : 'forecast';

/**
 * The instant a non-live map shows: now plus the offset, on the step grid, so the time (and the
 * request for it) changes once a step rather than every second.
 */
export function snapshotTime(nowMs: number, offsetMin: number): number {
  return Math.floor((nowMs + offsetMin * 60_000) / STEP_MS) * STEP_MS;
}

/** "+6 h", "−2 h 15 min", "now". */
export function describeOffset(offsetMin: number): string {
  if (offsetMin === 0) return t('map.time.now');
  const sign = offsetMin > 0 ? '+' : '−';
  const hours = Math.floor(Math.abs(offsetMin) / 60);
  const minutes = Math.abs(offsetMin) % 60;
  const parts = [hours ? `${hours} h` : '', minutes ? `${minutes} min` : ''].filter(Boolean);
  return `${sign}${parts.join(' ')}`;
}
