export const SUPPORTED_LANGUAGES = ['zh-CN', 'en-US'] as const;

export type Language = (typeof SUPPORTED_LANGUAGES)[number];

const LANGUAGE_KEY = 'tessera.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** The language the user picked with the switch, if any. */
export function readStoredLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** Any Chinese browser language (zh, zh-CN, zh-TW, zh-Hans…) maps to 简体中文; everything else to English. */
export function detectBrowserLanguage(): Language {
  const candidates = [...(navigator.languages ?? []), navigator.language].filter(Boolean);
  const first = candidates[0]?.toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en-US';
}

export function initialLanguage(): Language {
  return readStoredLanguage() ?? detectBrowserLanguage();
}
