import { localizedText, type LocalizedText } from '@tessera/schema';
import { useCallback } from 'react';
import { useLanguage } from '../../shared/i18n/use-language';

/** A function that shows a LocalizedText in the UI language. */
export function useLocalized(): (text: LocalizedText | undefined) => string {
  const { language } = useLanguage();
  return useCallback((text: LocalizedText | undefined) => localizedText(text, language), [language]);
}
