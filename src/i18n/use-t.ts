import { useCallback } from 'react';
import { useLanguage } from './language';
import { translate, type Translate } from './i18n';

/** `t` for the language on screen; components that call it re-render when the language changes. */
export function useT(): Translate {
  const language = useLanguage();
  return useCallback<Translate>((key, params) => translate(language, key, params), [language]);
}
