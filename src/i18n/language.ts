import { useUiStore } from '../store/ui-store';
import { DEFAULT_LANGUAGE, isLanguage, loadLanguage, setCurrentLanguage } from './i18n';

/** The first of the browser's preferred languages that has a catalogue. */
function browserLanguage(): string {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return preferred.map((l) => l.split('-')[0]).find(isLanguage) ?? DEFAULT_LANGUAGE;
}

/** The language the screen speaks: the one chosen on it, else the browser's. */
const spoken = (chosen: string | null) =>
  chosen !== null && isLanguage(chosen) ? chosen : browserLanguage();

export const useLanguage = () => useUiStore((s) => spoken(s.language));
export const languageNow = () => spoken(useUiStore.getState().language);

let latestChoice: string | null = null;

/** Chooses the screen's language: it switches once the catalogue is there, and only to the latest choice. */
export function chooseLanguage(code: string): void {
  if (!isLanguage(code)) return;
  latestChoice = code;
  void loadLanguage(code).then(() => {
    if (latestChoice === code) useUiStore.getState().languageSet(code);
  });
}

// Formatting and option builders read the language outside React; keep them in step.
setCurrentLanguage(languageNow());
useUiStore.subscribe((s) => setCurrentLanguage(spoken(s.language)));
