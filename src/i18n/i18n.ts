import type { Catalogue, Language, Message, MessageKey } from './catalogue';
import { firstMessages } from './catalogues/en-first';

interface LanguageEntry extends Language {
  /** Loads the language's catalogue, a file in catalogues/. */
  load: () => Promise<{ messages: Catalogue }>;
}

/**
 * Every language, English first. Catalogues load when chosen, so a screen carries only the text
 * it speaks; the first screen's English is built in. Adding a language: a catalogue file and one
 * line here.
 */
const REGISTRY: readonly LanguageEntry[] = [
  { code: 'en', name: 'English', locale: 'en-GB', load: () => import('./catalogues/en') },
  { code: 'it', name: 'Italiano', locale: 'it-IT', load: () => import('./catalogues/it') },
];

export const LANGUAGES: readonly Language[] = REGISTRY.map(({ code, name, locale }) => ({
  code,
  name,
  locale,
}));
/** Whole catalogues, and the first screen's English until the whole of it has loaded. */
const CATALOGUES = new Map<string, Partial<Catalogue>>([['en', firstMessages]]);
const loading = new Map<string, Promise<void>>();

export const DEFAULT_LANGUAGE = 'en';
export const isLanguage = (code: unknown): code is string => REGISTRY.some((l) => l.code === code);

/** Makes a language's whole catalogue available; until then its text falls back to English. */
export function loadLanguage(code: string): Promise<void> {
  const entry = REGISTRY.find((l) => l.code === code);
  if (!entry) return Promise.resolve();
  let loaded = loading.get(code);
  if (!loaded) {
    loaded = entry.load().then(({ messages }) => void CATALOGUES.set(code, messages));
    loading.set(code, loaded);
  }
  return loaded;
}

/**
 * A module, once it and the whole catalogue of the language on screen have loaded: for every view
 * but the first, the map, the wall and the presentation, which speak beyond the first screen.
 */
export const withAllMessages = <T>(module: Promise<T>): Promise<T> =>
  Promise.all([module, loadLanguage(current)]).then(([loaded]) => loaded);

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

let current = DEFAULT_LANGUAGE;
const listeners = new Set<() => void>();

/** The language the screen speaks now; the store sets it, formatting and option builders read it. */
export const currentLanguage = () => current;
export const currentLocale = () => LANGUAGES.find((l) => l.code === current)!.locale;

export function setCurrentLanguage(code: string): void {
  const next = isLanguage(code) ? code : DEFAULT_LANGUAGE;
  if (next === current) return;
  current = next;
  for (const listener of listeners) listener();
}

/** Called after the language changed (formatters drop their cached Intl objects). */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(locale: string, count: number): 'one' | 'other' {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count) === 'one' ? 'one' : 'other';
}

/** The message for `key` in `language`, its `{placeholders}` filled from `params`. */
export function translate(language: string, key: MessageKey, params?: MessageParams): string {
  // The types forbid a missing message; a key still missing at run time shows as itself, not a crash.
  const message: Message =
    CATALOGUES.get(language)?.[key] ?? CATALOGUES.get(DEFAULT_LANGUAGE)?.[key] ?? String(key);
  const locale = LANGUAGES.find((l) => l.code === language)?.locale ?? 'en-GB';
  const text =
    typeof message === 'string' ? message : message[pluralCategory(locale, Number(params?.count ?? 0))];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Translate in the current language: for code outside components (formatting, option builders). */
export const t: Translate = (key, params) => translate(current, key, params);

/** Every placeholder a message uses, for checking catalogues against each other. */
export function placeholders(message: Catalogue[MessageKey]): string[] {
  const texts = typeof message === 'string' ? [message] : [message.one, message.other];
  return [...new Set(texts.flatMap((m) => [...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)))].sort();
}
