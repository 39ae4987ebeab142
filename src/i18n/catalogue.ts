import type { messages as english } from './catalogues/en';

/** A message: text with `{name}` placeholders, or one text per plural category of `{count}`. */
export type Message = string | { one: string; other: string };

/** English is the reference catalogue: every other one has exactly its keys. */
export type MessageKey = keyof typeof english;
export type Catalogue = { readonly [K in MessageKey]: Message };

export interface Language {
  /** BCP 47 language code, as written in `?lang=` and remembered for the screen. */
  code: string;
  /** The language's name in itself, as the switcher shows it. */
  name: string;
  /** Locale for numbers, dates, units and currency (Intl). */
  locale: string;
}
