import type {
  DashboardDefinition,
  FlowDefinition,
  FormDefinition,
  Locale,
  LocalizedText,
  ReportDefinition,
} from '@tessera/schema';

/**
 * An app template: everything one click installs into a tenant. Forms are listed in dependency order (a form
 * only points at forms before it, except through fields the installer publishes in a second pass — see
 * `publishPlan`). Names that the metadata language keeps as plain strings are already in the chosen locale.
 */
export interface AppTemplate {
  key: string;
  name: LocalizedText;
  icon?: string;
  color?: string;
  locale: Locale;
  forms: FormDefinition[];
  reports: ReportDefinition[];
  dashboards: DashboardDefinition[];
  flows: FlowDefinition[];
}

/** Picks the text of one language; the template keeps both so the same source serves every tenant. */
export interface Bilingual {
  'zh-CN': string;
  'en-US': string;
}

export function bi(zh: string, en: string): Bilingual {
  return { 'zh-CN': zh, 'en-US': en };
}

export function pick(text: Bilingual, locale: Locale): string {
  return text[locale];
}
