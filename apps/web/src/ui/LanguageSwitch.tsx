import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, useLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  const id = useId();
  return (
    <div className="language-switch">
      {/* Read out, not drawn: "English" / "中文" in the box says what it is, and the header is narrow. */}
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          const chosen = LANGUAGES.find((l) => l === event.target.value);
          if (chosen) setLanguage(chosen);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
