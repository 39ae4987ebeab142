import { useId } from 'react';
import { LANGUAGES } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import { chooseLanguage, useLanguage } from '../../i18n/language';

/** The language of the whole screen, switched at once and remembered for this screen. */
export function LanguageSwitcher() {
  const t = useT();
  const id = useId();
  const language = useLanguage();
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('shell.language')}</label>
      <select id={id} value={language} onChange={(event) => chooseLanguage(event.target.value)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
