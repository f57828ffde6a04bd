import type { FormDefinition } from '@tessera/schema';
import { compile } from './compile-form';
import { FormMetadataError, FormulaError } from './errors';
import { nextAutoNumber, autoNumberCounterKey } from './auto-number';
import { quoteFormV1 } from './test-support/sample-forms';

const ctx = {
  now: new Date('2024-03-05T02:00:00Z'),
  timeZone: 'Asia/Shanghai',
  userId: '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
};

function formulaForm(expression: string, extra: FormDefinition['fields'] = []): FormDefinition {
  return {
    key: 'f',
    name: 'F',
    fields: [
      { type: 'formula', key: 'result', label: 'Result', formula: { expression, resultType: 'number' } },
      ...extra,
    ],
  };
}

describe('formulas', () => {
  it('treats an empty (null) field like a missing one: no value instead of a type error', async () => {
    const form = compile(
      formulaForm('amount * (1 - discount / 100)', [
        { type: 'number', key: 'amount', label: 'Amount' },
        { type: 'percent', key: 'discount', label: 'Discount' },
      ]),
    );
    expect((await form.computeFormulas({ amount: 100, discount: null }, ctx)).result).toBeNull();
    expect((await form.computeFormulas({ amount: 100, discount: 10 }, ctx)).result).toBe(90);
  });

  it('computes sub-table rows first, then the form in dependency order', async () => {
    const form = compile(quoteFormV1);
    const out = await form.computeFormulas(
      {
        discount: 10,
        items: [
          { product: 'a', qty: 2, price: 10 },
          { product: 'b', qty: 1, price: 5.5 },
        ],
      },
      ctx,
    );
    expect((out.items as { line_total: number }[]).map((r) => r.line_total)).toEqual([20, 5.5]);
    expect(out.grand_total).toBe(22.95);
  });

  it('orders chained formulas regardless of declaration order', async () => {
    const form = compile({
      key: 'f',
      name: 'F',
      fields: [
        { type: 'formula', key: 'c', label: 'C', formula: { expression: 'b * 2', resultType: 'number' } },
        { type: 'formula', key: 'b', label: 'B', formula: { expression: 'a + 1', resultType: 'number' } },
        { type: 'number', key: 'a', label: 'A' },
        { type: 'formula', key: 'label', label: 'L', formula: { expression: '"C=" & $string(c)', resultType: 'text' } },
        { type: 'formula', key: 'due', label: 'Due', formula: { expression: '$today', resultType: 'date' } },
      ],
    });
    expect(await form.computeFormulas({ a: 1 }, ctx)).toEqual({ a: 1, b: 2, c: 4, label: 'C=4', due: '2024-03-05' });
  });

  it('refuses a cycle and a syntax error as metadata errors', () => {
    expect(() =>
      compile({
        key: 'f',
        name: 'F',
        fields: [
          { type: 'formula', key: 'a', label: 'A', formula: { expression: 'b + 1', resultType: 'number' } },
          { type: 'formula', key: 'b', label: 'B', formula: { expression: 'a + 1', resultType: 'number' } },
        ],
      }),
    ).toThrow(FormMetadataError);
    try {
      compile(formulaForm('1 +'));
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(FormMetadataError);
      expect((e as FormMetadataError).issues[0]).toMatchObject({
        path: '/fields/0/formula/expression',
        code: 'formula_syntax',
      });
    }
  });

  it('stops a runaway tail-recursive loop within the time budget', async () => {
    const form = compile(formulaForm('( $f := function($x){ $f($x) }; $f(1) )'));
    const started = Date.now();
    const error = await form.computeFormulas({}, ctx).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(FormulaError);
    expect(error).toMatchObject({ field: 'result' });
    expect(['timeout', 'depth']).toContain((error as FormulaError).code);
  });

  it('stops deep non-tail recursion by the depth limit', async () => {
    const form = compile(formulaForm('( $f := function($x){ 1 + $f($x + 1) }; $f(1) )'));
    const started = Date.now();
    const error = await form.computeFormulas({}, ctx).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toMatchObject({ name: 'FormulaError', field: 'result', code: 'depth' });
  });

  it('stops an endless loop over a huge range by time', async () => {
    const form = compile(formulaForm('$count([1..9999999].($ * 2))'), {
      formulaLimits: { timeoutMs: 50, maxDepth: 500 },
    });
    const started = Date.now();
    const error = await form.computeFormulas({}, ctx).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toMatchObject({ field: 'result', code: 'timeout' });
  });

  it('keeps budgets per evaluation when one compiled formula runs concurrently', async () => {
    const form = compile(formulaForm('$sum([1..300].($ * 2))'));
    const results = await Promise.all(Array.from({ length: 20 }, () => form.computeFormulas({}, ctx)));
    expect(results.every((r) => r.result === 90300)).toBe(true);
  });

  it('caches compiled forms per version', () => {
    const a = compile(quoteFormV1, { version: 1 });
    expect(compile({ ...quoteFormV1 }, { version: 1 })).toBe(a);
    expect(compile(quoteFormV1, { version: 2 })).not.toBe(a);
    expect(compile(quoteFormV1)).toBe(compile(quoteFormV1));
  });
});

describe('defaults', () => {
  it('applies constants and default formulas only where no value was given', async () => {
    const form = compile({
      key: 'f',
      name: 'F',
      fields: [
        {
          type: 'select',
          key: 'stage',
          label: 'S',
          defaultValue: 'new',
          options: [
            { value: 'new', label: 'New' },
            { value: 'won', label: 'Won' },
          ],
        },
        { type: 'date', key: 'due', label: 'Due', defaultFormula: '$today' },
        { type: 'number', key: 'n', label: 'N', defaultValue: 3 },
        {
          type: 'sub_table',
          key: 'rows',
          label: 'R',
          fields: [{ type: 'number', key: 'qty', label: 'Q', defaultValue: 1 }],
        },
      ],
    });
    expect(await form.applyDefaults({ stage: 'won', rows: [{}, { qty: 5 }] }, ctx)).toEqual({
      stage: 'won',
      due: '2024-03-05',
      n: 3,
      rows: [{ qty: 1 }, { qty: 5 }],
    });
  });
});

describe('linkage', () => {
  const form = compile({
    key: 'deals',
    name: 'Deals',
    fields: [
      {
        type: 'select',
        key: 'stage',
        label: 'Stage',
        options: ['open', 'won', 'lost'].map((v) => ({ value: v, label: v })),
      },
      {
        type: 'text',
        key: 'loss_reason',
        label: 'Loss reason',
        visibleWhen: { field: 'stage', op: 'eq', value: 'lost' },
        required: true,
      },
      { type: 'amount', key: 'amount', label: 'Amount', requiredWhen: { field: 'stage', op: 'in', value: ['won'] } },
      { type: 'text', key: 'contract', label: 'Contract', hidden: true },
      { type: 'text', key: 'internal', label: 'Internal' },
      { type: 'section', key: 'sec', label: 'Sec', children: ['internal'] },
    ],
    linkage: [
      { when: { field: 'stage', op: 'eq', value: 'won' }, show: ['contract'], readOnly: ['stage'], hide: ['sec'] },
    ],
  });

  it('computes visibility, required and read-only per field', () => {
    const open = form.linkage({ stage: 'open' }, ctx);
    expect(open.loss_reason).toEqual({ visible: false, required: false, readOnly: false });
    expect(open.contract.visible).toBe(false);
    expect(open.internal.visible).toBe(true);
    const won = form.linkage({ stage: 'won' }, ctx);
    expect(won.amount.required).toBe(true);
    expect(won.contract.visible).toBe(true);
    expect(won.stage.readOnly).toBe(true);
    expect(won.internal.visible).toBe(false);
    expect(form.linkage({ stage: 'lost' }, ctx).loss_reason).toEqual({
      visible: true,
      required: true,
      readOnly: false,
    });
  });

  it('requires only visible fields when validating', () => {
    expect(form.validate({ stage: 'open' }, 'create', ctx).ok).toBe(true);
    expect(form.validate({ stage: 'lost' }, 'create', ctx).errors.map((e) => e.path)).toEqual(['/loss_reason']);
    expect(form.validate({ stage: 'won' }, 'create', ctx).errors.map((e) => e.path)).toEqual(['/amount']);
  });
});

describe('auto-number', () => {
  const date = new Date('2024-03-31T17:00:00Z'); // already April 1st in Shanghai
  it('fills date parts in the tenant zone and pads the sequence', () => {
    expect(nextAutoNumber('HT-{YYYY}{MM}-{0000}', date, 7)).toBe('HT-202404-0007');
    expect(nextAutoNumber('HT-{YYYY}{MM}-{0000}', date, 7, 'UTC')).toBe('HT-202403-0007');
    expect(nextAutoNumber('{YY}{MM}{DD}-{000}', date, 12345)).toBe('240401-12345');
    expect(nextAutoNumber('C{0}', date, 3)).toBe('C3');
  });
  it('gives the counter key the sequence restarts with', () => {
    expect(autoNumberCounterKey('HT-{YYYY}{MM}-{0000}', date)).toBe('HT-202404-{0000}');
    expect(autoNumberCounterKey('C{0000}', date)).toBe('C{0000}');
  });
});

describe('queryable fields', () => {
  it('lists system columns and column-stored fields', () => {
    const fields = compile(quoteFormV1).queryableFields();
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f]));
    expect(byKey.id).toEqual({ key: 'id', kind: 'uuid' });
    expect(byKey.owner).toEqual({ key: 'owner', kind: 'uuid', column: 'owner_id' });
    expect(byKey.created_on).toEqual({ key: 'created_on', kind: 'datetime', column: 'created_at' });
    expect(byKey.tags.kind).toBe('text_array');
    expect(byKey.departments.kind).toBe('uuid_array');
    expect(byKey.grand_total.kind).toBe('number');
    expect(byKey.items).toBeUndefined();
    expect(byKey.customer_name).toBeUndefined();
    expect(byKey.cc_customers).toBeUndefined();
    expect(byKey.deleted_at).toBeUndefined();
  });
});
