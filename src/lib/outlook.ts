import type { AirForecast } from '../api/schemas/forecasts';
import { EAQI_LABELS, eaqiBand, eaqiLevel, POLLUTANT_LABELS } from './eaqi';
import { formatNumber } from './format';

const DAY = 86_400_000;
const timeOf = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(ms);
const dayKey = (ms: number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(ms);

/**
 * What is coming, in words: the peak of the median forecast over the next day, its band, and how
 * many hours the median stays above a limit. "Today"/"tomorrow" are the territory's own days.
 */
export function airOutlook(
  forecast: Pick<AirForecast, 'pollutant' | 'steps' | 'unit'>,
  place: string,
  nowMs: number,
  limit: { value: number; label: string } | undefined,
  timeZone = 'Europe/Rome',
): string {
  const next = forecast.steps.filter((s) => Date.parse(s.t) > nowMs && Date.parse(s.t) <= nowMs + DAY);
  if (next.length === 0)
    return `No ${POLLUTANT_LABELS[forecast.pollutant]} forecast for the next 24 hours in ${place}.`;
  const peak = next.reduce((best, s) => (s.p50 > best.p50 ? s : best), next[0]!);
  const peakMs = Date.parse(peak.t);
  const day = dayKey(peakMs, timeZone) === dayKey(nowMs, timeZone) ? 'today' : 'tomorrow';
  const band = EAQI_LABELS[eaqiLevel(eaqiBand(forecast.pollutant, peak.p50))].toLowerCase();
  let sentence = `${POLLUTANT_LABELS[forecast.pollutant]} in ${place} is expected to peak at ${formatNumber(peak.p50)} ${forecast.unit} (${band}) ${day} at ${timeOf(peakMs, timeZone)}`;
  if (limit) {
    const hoursAbove = next.filter((s) => s.p50 > limit.value).length;
    sentence +=
      hoursAbove > 0
        ? `, above ${formatNumber(limit.value)} ${forecast.unit} for ${hoursAbove} of the next 24 hours`
        : `, below ${formatNumber(limit.value)} ${forecast.unit} throughout`;
  }
  return `${sentence}.`;
}
