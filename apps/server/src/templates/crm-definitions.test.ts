import { crmTemplate } from '@tessera/templates';
import { assertDashboardDefinition, assertReportDefinition } from '../reports/report-definition.validator';

const context = {
  salesDepartmentIds: ['00000000-0000-4000-8000-0000000000e1'],
  salesDirectorId: '00000000-0000-4000-8000-0000000000d1',
};

// The report and dashboard meta-schemas are compiled with ajv here, in the server: the exact check the
// installer's ReportsService/DashboardsService apply before storing a definition.
describe.each(['zh-CN', 'en-US'] as const)('the CRM reports and dashboards in %s', (locale) => {
  const template = crmTemplate(locale, context);

  it.each(template.reports.map((r) => [r.key, r] as const))('report %s passes the meta-schema', (_, report) => {
    expect(() => assertReportDefinition(report, '/definition')).not.toThrow();
  });

  it.each(template.dashboards.map((d) => [d.key, d] as const))(
    'dashboard %s passes the meta-schema',
    (_, dashboard) => {
      expect(() => assertDashboardDefinition(dashboard, '/definition')).not.toThrow();
    },
  );
});
