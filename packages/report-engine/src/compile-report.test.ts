import type { ReportDefinition } from '@tessera/schema';
import { compileReport } from './compile-report';
import { ReportDefinitionError } from './errors';
import { ctx, sources } from './test-support/crm-fixture';

const base = { source: { form: 'opportunities' }, chart: { type: 'column' } } as const;

describe('compileReport SQL', () => {
  it('compiles a bucketed report with window measures into one parameterised statement', () => {
    const stmt = compileReport(
      {
        ...base,
        key: 'r',
        name: 'R',
        filters: { field: 'stage', op: 'ne', value: 'lost' },
        dimensions: [{ field: 'signed_at', bucket: 'month' }],
        measures: [
          { aggregate: 'count', as: 'n', percentOfTotal: true },
          { field: 'amount', aggregate: 'sum', as: 'total', runningTotal: true },
        ],
        limit: 24,
      },
      sources,
      { condition: { field: 'owner_id', op: 'eq', value: { $var: 'me' } } },
      [],
      ctx,
    );
    expect(stmt.text).toMatchSnapshot();
    expect(stmt.values).toMatchSnapshot();
    expect(stmt.text).not.toContain('lost');
    expect(stmt.text).toContain('AT TIME ZONE');
  });

  it('compiles top N with "other" and a relation path', () => {
    const stmt = compileReport(
      {
        ...base,
        key: 'r',
        name: 'R',
        dimensions: [{ field: 'customer_id.province', topN: { n: 5, other: true } }],
        measures: [{ field: 'customer_id', aggregate: 'count_distinct', as: 'customers' }],
      },
      sources,
      {},
      [{ field: 'customer_id.province', op: 'isNotEmpty' }],
      ctx,
    );
    expect(stmt.text).toMatchSnapshot();
    expect(stmt.values).toEqual(expect.arrayContaining([5]));
  });

  it('compiles a funnel and a pivot', () => {
    const funnel = compileReport(
      {
        ...base,
        key: 'f',
        name: 'F',
        dimensions: [],
        measures: [{ aggregate: 'count', as: 'n' }],
        funnel: { stageField: 'stage', stages: ['lead', 'won'] },
      },
      sources,
      {},
      [],
      ctx,
    );
    expect(funnel.text).toMatchSnapshot();
    const pivot = compileReport(
      {
        ...base,
        key: 'p',
        name: 'P',
        dimensions: [{ field: 'region' }, { field: 'closed_at', bucket: 'quarter' }],
        measures: [{ aggregate: 'count', as: 'n' }],
        pivot: { rows: ['region'], columns: ['closed_at'], subtotals: true },
      },
      sources,
      {},
      [],
      ctx,
    );
    expect(pivot.text).toMatchSnapshot();
    expect(pivot.text).toContain('ROLLUP');
  });

  it('never puts values into the SQL text', () => {
    const evil = "x'; DROP TABLE opportunities; --";
    const stmt = compileReport(
      {
        ...base,
        key: 'r',
        name: 'R',
        filters: { field: 'region', op: 'eq', value: evil },
        dimensions: [{ field: 'stage' }],
        measures: [{ aggregate: 'count', as: 'n' }],
      },
      sources,
      {},
      [],
      ctx,
    );
    expect(stmt.text).not.toContain('DROP');
    expect(stmt.values).toContain(evil);
  });

  const bad: [string, Partial<ReportDefinition>, RegExp][] = [
    ['unknown field', { dimensions: [{ field: 'nope' }] }, /Unknown field "nope"/],
    ['path through a non-relation', { dimensions: [{ field: 'stage.name' }] }, /not a relation field/],
    ['bucket on text', { dimensions: [{ field: 'stage', bucket: 'month' }] }, /not a date field/],
    ['sum of text', { measures: [{ field: 'stage', aggregate: 'sum', as: 's' }] }, /number field/],
    ['reserved measure name', { measures: [{ aggregate: 'count', as: 'd0' }] }, /Invalid measure name/],
    ['bad identifier', { measures: [{ aggregate: 'count', as: 'a"b' }] }, /Invalid measure name/],
    ['sort by unknown', { sort: [{ by: 'zzz', direction: 'asc' }] }, /Cannot sort by "zzz"/],
  ];
  it.each(bad)('refuses %s', (_, patch, message) => {
    const report: ReportDefinition = {
      ...base,
      key: 'r',
      name: 'R',
      dimensions: [{ field: 'stage' }],
      measures: [{ aggregate: 'count', as: 'n' }],
      ...patch,
    };
    expect(() => compileReport(report, sources, {}, [], ctx)).toThrow(ReportDefinitionError);
    expect(() => compileReport(report, sources, {}, [], ctx)).toThrow(message);
  });
});
