import { validateFlow } from '@tessera/flow-engine';
import { compileBounded, queryableFieldsOf } from '@tessera/form-engine';
import { compileReport, normalizeProvince } from '@tessera/report-engine';
import { validateFlowDefinitionShape, validateFormDefinition, type FormDefinition, type Locale } from '@tessera/schema';
import { CRM_FORM_KEYS } from './crm-forms';
import { FUNNEL_STAGES, PROVINCES, STAGES, STAGE_PROBABILITY } from './crm-options';
import { RFM_EXPRESSION, rfmScore } from './crm-rfm';
import { crmTemplate } from './crm-template';
import { publishPlan } from './publish-plan';
import { compiled, CTX, FLOW_CONTEXT, sourcesOf } from './test-support/crm-fixtures';

describe.each<Locale>(['zh-CN', 'en-US'])('the CRM template in %s', (locale) => {
  const template = crmTemplate(locale, FLOW_CONTEXT);
  const keys = new Set(template.forms.map((f) => f.key));

  it('has every form, in dependency order', () => {
    expect(template.forms.map((f) => f.key)).toEqual([...CRM_FORM_KEYS]);
    for (const form of template.forms) expect(form.name).not.toBe('');
  });

  it('has forms that pass the meta-schema and semantic checks and compile', () => {
    for (const form of template.forms) {
      expect({ form: form.key, issues: validateFormDefinition(form, { formExists: (k) => keys.has(k) }) }).toEqual({
        form: form.key,
        issues: [],
      });
    }
    expect(() => compiled(template.forms)).not.toThrow();
  });

  it('publishes in two passes where a form points forward, each pass valid on its own', () => {
    const plan = publishPlan(template.forms);
    const published = new Set<string>();
    for (const step of plan) {
      expect(validateFormDefinition(step.first, { formExists: (k) => published.has(k) || k === step.key })).toEqual([]);
      published.add(step.key);
    }
    const customers = plan.find((s) => s.key === 'customers');
    expect(customers?.lateFields.sort()).toEqual(['contracts', 'deal_count', 'lifetime_value']);
    expect(plan.filter((s) => s.complete).map((s) => s.key)).toEqual(['customers']);
  });

  it('has bilingual field labels', () => {
    for (const form of template.forms)
      for (const field of form.fields) {
        expect(typeof field.label === 'object' && field.label['zh-CN'] && field.label['en-US']).toBeTruthy();
      }
  });

  it('has reports that compile against the forms (every field path, target and funnel resolves)', () => {
    const sources = sourcesOf(template.forms);
    expect(new Set(template.reports.map((r) => r.key)).size).toBe(template.reports.length);
    for (const report of template.reports) {
      expect(() => compileReport(report, sources, {}, [], CTX)).not.toThrow();
    }
  });

  it('has dashboards whose items and filter mappings name existing reports and fields', () => {
    const reports = new Map(template.reports.map((r) => [r.key, r]));
    const fields = new Map(template.forms.map((f) => [f.key, new Set(queryableFieldsOf(f.fields).map((q) => q.key))]));
    const placed = new Set<string>();
    for (const dashboard of template.dashboards) {
      for (const item of dashboard.items) {
        expect(reports.has(item.reportKey)).toBe(true);
        expect(item.x + item.w).toBeLessThanOrEqual(24);
        placed.add(item.reportKey);
      }
      for (const filter of dashboard.filters)
        for (const [reportKey, field] of Object.entries(filter.mappings)) {
          const source = reports.get(reportKey)?.source.form ?? '';
          expect({ reportKey, field, known: fields.get(source)?.has(field) }).toEqual({
            reportKey,
            field,
            known: true,
          });
        }
    }
    expect([...placed].sort()).toEqual([...reports.keys()].sort());
  });

  it('has flows that pass the flow meta-schema and the graph validation against their form', () => {
    expect(template.flows.map((f) => f.key)).toEqual([
      'crm_lead_assignment',
      'crm_lead_follow_up_sla',
      'crm_birthday_care',
      'crm_discount_approval',
      'crm_won_deal_contract',
      'crm_dormant_reactivation',
      'crm_nightly_rfm',
    ]);
    const forms = new Map(template.forms.map((f) => [f.key, f]));
    for (const flow of template.flows) {
      expect({ flow: flow.key, issues: validateFlowDefinitionShape(flow) }).toEqual({ flow: flow.key, issues: [] });
      const form = forms.get(flow.form ?? '') as FormDefinition;
      const fieldKeys = queryableFieldsOf(form.fields).map((f) => f.key);
      expect({ flow: flow.key, issues: validateFlow(flow, { fieldKeys }) }).toEqual({ flow: flow.key, issues: [] });
      const trigger = flow.trigger;
      if (trigger.type === 'date_field') expect(fieldKeys).toContain(trigger.field);
      for (const node of flow.nodes) {
        if (node.kind === 'update_record' || node.kind === 'create_record') {
          const target = forms.get(node.form ?? flow.form ?? '') as FormDefinition;
          const writable = new Set(target.fields.map((f) => f.key));
          for (const key of Object.keys(node.values))
            expect({ flow: flow.key, key, ok: writable.has(key) }).toEqual({ flow: flow.key, key, ok: true });
        }
      }
    }
  });
});

describe('CRM formulas', () => {
  const forms = compiled(crmTemplate('zh-CN', FLOW_CONTEXT).forms);

  it('give each stage its win probability and weighted amount, and place lost deals in the funnel', async () => {
    const opportunities = forms.get('opportunities')!;
    for (const stage of STAGES) {
      const out = await opportunities.computeFormulas(
        { stage, amount: 1000, opened_on: '2025-01-01', closed_on: '2025-03-02', lost_stage: 'needs' },
        CTX,
      );
      expect(out.win_probability).toBe(STAGE_PROBABILITY[stage]);
      expect(out.weighted_amount).toBe(STAGE_PROBABILITY[stage] * 10);
      expect(out.funnel_stage).toBe(stage === 'lost' ? 'needs' : stage);
      expect(out.cycle_days).toBe(60);
    }
    expect(FUNNEL_STAGES).not.toContain('lost');
  });

  it('totals quote lines and applies the discount', async () => {
    const out = await forms.get('quotes')!.computeFormulas(
      {
        items: [
          { qty: 2, price: 100 },
          { qty: 1, price: 50.5 },
        ],
        discount: 10,
      },
      CTX,
    );
    expect((out.items as { line_total: number }[]).map((i) => i.line_total)).toEqual([200, 50.5]);
    expect(out.subtotal).toBe(250.5);
    expect(out.total).toBe(225.45);
  });

  it('computes the next birthday, and next year once the care was given', async () => {
    const customers = forms.get('customers')!;
    // CTX is 2025-06-15 in Shanghai.
    expect((await customers.computeFormulas({ birthday: '1980-06-20' }, CTX)).next_birthday).toBe('2025-06-20');
    expect((await customers.computeFormulas({ birthday: '1980-03-01' }, CTX)).next_birthday).toBe('2026-03-01');
    expect(
      (await customers.computeFormulas({ birthday: '1980-06-20', birthday_care_on: '2025-06-13' }, CTX)).next_birthday,
    ).toBe('2026-06-20');
    expect((await customers.computeFormulas({ birthday: '1984-02-29' }, CTX)).next_birthday).toBe('2026-02-28');
    expect((await customers.computeFormulas({}, CTX)).next_birthday).toBeNull();
    expect((await customers.computeFormulas({ r_score: 5, f_score: 3, m_score: 2 }, CTX)).rfm_total).toBe(10);
  });

  it('scores RFM identically in the nightly flow (jsonata) and the sample data (TypeScript)', async () => {
    const expression = compileBounded(RFM_EXPRESSION);
    const cases = [
      { days: 10, n: 6, v: 2_000_000 },
      { days: 60, n: 1, v: 80_000 },
      { days: 150, n: 3, v: 600_000 },
      { days: 400, n: 2, v: 300_000 },
      { days: null, n: 0, v: 0 },
      { days: 200, n: 1, v: 150_000 },
    ];
    for (const c of cases) {
      const lastDeal =
        c.days === null
          ? undefined
          : new Date(Date.parse('2025-06-15') - c.days * 86_400_000).toISOString().slice(0, 10);
      const result = await expression.evaluate(
        { vars: { c: { last_deal_on: lastDeal, deal_count: c.n, lifetime_value: String(c.v) } } },
        { today: '2025-06-15' },
      );
      expect(result).toEqual(rfmScore({ daysSinceLastDeal: c.days, dealCount: c.n, lifetimeValue: c.v }));
    }
  });

  it('offers every province under its map name', () => {
    for (const p of PROVINCES) expect(normalizeProvince(p.value)).toBe(p.value);
    expect(PROVINCES).toHaveLength(34);
  });
});
