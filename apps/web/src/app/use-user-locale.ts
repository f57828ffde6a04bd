import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/use-auth';
import { readStoredLanguage } from '../shared/i18n/language';

/**
 * Until the user picks a language with the switch, the UI follows their profile locale (`me.locale`).
 * An explicit choice (stored in localStorage) always wins.
 */
export function useUserLocale(): void {
  const { me } = useAuth();
  const { i18n } = useTranslation();
  const profileLocale = me?.locale;
  useEffect(() => {
    if (!profileLocale || readStoredLanguage() || profileLocale === i18n.resolvedLanguage) return;
    void i18n.changeLanguage(profileLocale);
  }, [profileLocale, i18n]);
}
