import type { FieldDefinition, JsonValue } from '@tessera/schema';
import { CRM_FORM_KEYS } from './crm-forms';
import { OPEN_STAGES, STAGES } from './crm-options';
import { crmTemplate } from './crm-template';
import { generateCrmSampleData, type CrmSampleData } from './sample-data-generator';
import { compiled, CTX, FLOW_CONTEXT } from './test-support/crm-fixtures';

const TODAY = '2025-06-15';
const full = generateCrmSampleData({ today: TODAY });
const forms = crmTemplate('zh-CN', FLOW_CONTEXT).forms;
const byKey = new Map(forms.map((f) => [f.key, f]));

/** A ref → a stable fake uuid, as the installer maps refs to real ids. */
function fakeId(ref: string): string {
  let h = 0;
  for (const ch of ref) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return `00000000-0000-4000-8000-${h.toString(16).padStart(12, '0')}`;
}

function mapRefs(fields: readonly FieldDefinition[], values: Record<string, JsonValue>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = { ...values };
  for (const field of fields) {
    const value = values[field.key];
    if (value === undefined || value === null) continue;
    if (field.type === 'relation' || field.type === 'member')
      out[field.key] = Array.isArray(value) ? value.map((v) => fakeId(String(v))) : fakeId(String(value));
    if (field.type === 'sub_table')
      out[field.key] = (value as Record<string, JsonValue>[]).map((row) => mapRefs(field.fields, row));
  }
  return out;
}

function refsOf(data: CrmSampleData): Set<string> {
  return new Set([...data.users.map((u) => u.ref), ...CRM_FORM_KEYS.flatMap((k) => data.records[k].map((r) => r.ref))]);
}

describe('the CRM sample data', () => {
  it('is deterministic: the same seed and date give the same data, another seed other data', () => {
    const again = generateCrmSampleData({ today: TODAY });
    expect(JSON.stringify(again)).toBe(JSON.stringify(full));
    const other = generateCrmSampleData({ today: TODAY, seed: 'other' });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(full));
  });

  it('has realistic volumes', () => {
    const n = (k: (typeof CRM_FORM_KEYS)[number]) => full.records[k].length;
    expect(full.users.filter((u) => !u.isDirector)).toHaveLength(8);
    expect(n('customers')).toBe(1500);
    expect(n('contacts')).toBeGreaterThan(2700);
    expect(n('contacts')).toBeLessThan(3300);
    expect(n('leads')).toBe(1000);
    expect(n('opportunities')).toBe(2500);
    expect(n('follow_ups')).toBeGreaterThan(5000);
    expect(n('quotes')).toBeGreaterThan(500);
    expect(n('contracts')).toBeGreaterThan(300);
    expect(n('payments')).toBeGreaterThan(n('contracts'));
    expect(n('sales_targets')).toBe(8 * 20);
    expect(n('products')).toBeGreaterThan(20);
  });

  it('is consistent: every reference points at an existing record or user, owners included', () => {
    const known = refsOf(full);
    const dangling: string[] = [];
    const check = (ref: JsonValue) => {
      if (typeof ref !== 'string' || !known.has(ref)) dangling.push(String(ref));
    };
    for (const key of CRM_FORM_KEYS) {
      const form = byKey.get(key)!;
      for (const record of full.records[key]) {
        if (record.ownerRef !== null) check(record.ownerRef);
        for (const field of form.fields) {
          const value = record.values[field.key];
          if (value === undefined) continue;
          if (field.type === 'relation' || field.type === 'member')
            (Array.isArray(value) ? value : [value]).forEach(check);
          if (field.type === 'sub_table')
            for (const row of value as Record<string, JsonValue>[])
              for (const col of field.fields) if (col.type === 'relation') check(row[col.key]);
        }
      }
    }
    expect(dangling).toEqual([]);
  });

  it('passes the forms’ own validation (the API would accept every record)', () => {
    const small = generateCrmSampleData({ today: TODAY, scale: 0.2 });
    const compiledForms = compiled(forms);
    for (const key of CRM_FORM_KEYS) {
      const form = compiledForms.get(key)!;
      for (const record of small.records[key]) {
        const result = form.validate(mapRefs(byKey.get(key)!.fields, record.values), 'create', CTX);
        expect({ ref: record.ref, errors: result.errors }).toEqual({ ref: record.ref, errors: [] });
      }
    }
  });

  it('spreads deals over 18 months, across stages, with plausible conversion, amounts and dates', () => {
    const opps = full.records.opportunities.map((r) => r.values);
    const days = opps.map((o) => Date.parse(String(o.opened_on)));
    const span = (Math.max(...days) - Math.min(...days)) / 86_400_000;
    expect(span).toBeGreaterThan(500);
    expect(span).toBeLessThanOrEqual(547);
    const byStage = new Map(STAGES.map((s) => [s, opps.filter((o) => o.stage === s).length]));
    for (const stage of STAGES) expect(byStage.get(stage)).toBeGreaterThan(20);
    const won = byStage.get('won')!;
    const closed = won + byStage.get('lost')!;
    expect(won / closed).toBeGreaterThan(0.15);
    expect(won / closed).toBeLessThan(0.4);
    for (const o of opps) {
      expect(Number(o.amount)).toBeGreaterThan(0);
      expect(Number(o.amount)).toBeLessThan(20_000_000);
      expect(String(o.opened_on) <= TODAY).toBe(true);
      if (o.closed_on !== undefined) {
        expect(String(o.closed_on) >= String(o.opened_on)).toBe(true);
        expect(String(o.closed_on) <= TODAY).toBe(true);
      }
      if (o.stage === 'lost') expect(OPEN_STAGES).toContain(o.lost_stage);
    }
    // every won deal has exactly one contract of the same amount
    const contracts = full.records.contracts;
    expect(contracts).toHaveLength(won);
    const oppByRef = new Map(full.records.opportunities.map((r) => [r.ref, r.values]));
    for (const c of contracts) expect(oppByRef.get(String(c.values.opportunity))?.amount).toBe(c.values.amount);
  });

  it('plans payments that add up to the contract amount', () => {
    const paid = new Map<string, number>();
    for (const p of full.records.payments)
      paid.set(String(p.values.contract), (paid.get(String(p.values.contract)) ?? 0) + Number(p.values.amount));
    for (const c of full.records.contracts) {
      if (c.values.status === 'terminated') continue;
      expect(Math.round((paid.get(c.ref) ?? 0) * 100)).toBe(Math.round(Number(c.values.amount) * 100));
    }
  });

  it('keeps the public pool unowned and customers tiered', () => {
    const pool = full.records.leads.filter((l) => l.values.in_public_pool === true);
    expect(pool.length).toBeGreaterThan(100);
    for (const l of pool) expect(l.ownerRef).toBeNull();
    const tiers = new Set(full.records.customers.map((c) => c.values.tier));
    expect([...tiers].sort()).toEqual(['high_potential', 'high_value', 'normal', 'to_activate']);
  });
});
