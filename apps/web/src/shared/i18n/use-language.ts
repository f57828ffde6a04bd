import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, storeLanguage, type Language } from './language';

/** The UI language and a setter that also remembers the choice. Re-renders on every language change. */
export function useLanguage(): { language: Language; setLanguage: (language: Language) => void } {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en-US';
  const setLanguage = useCallback(
    (next: Language) => {
      storeLanguage(next);
      void i18n.changeLanguage(next);
    },
    [i18n],
  );
  return { language, setLanguage };
}
