import { currentLocale, onLanguageChange, t } from '../i18n/i18n';

/** Formatting for the screen, in the locale of the language on screen (Intl). */

/** Intl formatters built once per locale and options; dropped when the language changes. */
function cachedFormatter<O, F>(create: (locale: string, options: O) => F): (options: O) => F {
  const cache = new Map<string, F>();
  onLanguageChange(() => cache.clear());
  return (options) => {
    const key = JSON.stringify(options);
    let format = cache.get(key);
    if (!format) cache.set(key, (format = create(currentLocale(), options)));
    return format;
  };
}

const numberFormat = cachedFormatter(
  (locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
);
const dateFormat = cachedFormatter(
  (locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
);

export function formatNumber(value: number | null | undefined, maximumFractionDigits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return numberFormat({ maximumFractionDigits }).format(value);
}

export function formatPercent(ratio: number | null | undefined, maximumFractionDigits = 0): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return numberFormat({ style: 'percent', maximumFractionDigits }).format(ratio);
}

/** Euros to the cent's nearest euro, or in three figures (€2.26M) where a tile has little room. */
export function formatEuro(value: number | null | undefined, compact = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return numberFormat(
    compact
      ? { style: 'currency', currency: 'EUR', notation: 'compact', maximumSignificantDigits: 3 }
      : { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 },
  ).format(value);
}

export const formatTime = (ms: number) => dateFormat({ hour: '2-digit', minute: '2-digit' }).format(ms);
export const formatClock = (ms: number) =>
  dateFormat({ hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(ms);
export const formatDateTime = (ms: number) =>
  dateFormat({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(ms);
export const formatDate = (ms: number) =>
  dateFormat({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(ms);

/** "just now", "45 s ago", "3 min ago", "2 h ago", "3 d ago". */
export function formatAge(ageMs: number): string {
  const seconds = Math.max(0, Math.round(ageMs / 1000));
  if (seconds < 5) return t('time.justNow');
  if (seconds < 60) return t('time.ago', { age: `${seconds} s` });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('time.ago', { age: `${minutes} min` });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('time.ago', { age: `${hours} h` });
  return t('time.ago', { age: `${Math.floor(hours / 24)} ${t('time.dayUnit')}` });
}

/** A length of time for reading at a glance: "45 s", "12 min", "2 h 5 min", "3 d 4 h"; "—" when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 59.5) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const hours = Math.round(seconds / 3600);
  const d = `${Math.floor(hours / 24)} ${t('time.dayUnit')}`;
  const h = hours % 24;
  return h ? `${d} ${h} h` : d;
}
