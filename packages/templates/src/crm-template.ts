import type { Locale } from '@tessera/schema';
import { bi, type AppTemplate } from './app-template';
import { crmDashboards } from './crm-dashboards';
import { crmFlows, type CrmFlowContext } from './crm-flows';
import { crmForms } from './crm-forms';
import { crmReports } from './crm-reports';

export const CRM_APP_KEY = 'crm';

/** The complete CRM (forms, reports, dashboards, flows) in one language, bound to the tenant's sales team. */
export function crmTemplate(locale: Locale, flowContext: CrmFlowContext): AppTemplate {
  return {
    key: CRM_APP_KEY,
    name: bi('客户管理 CRM', 'CRM'),
    icon: 'team',
    color: '#1677ff',
    locale,
    forms: crmForms(locale),
    reports: crmReports(locale),
    dashboards: crmDashboards(locale),
    flows: crmFlows(flowContext, locale),
  };
}
