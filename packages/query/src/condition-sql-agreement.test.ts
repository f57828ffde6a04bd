import fc from 'fast-check';
import { Client, types } from 'pg';
import type { QueryableField, ValueKind } from '@tessera/schema';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import type { ConditionContext } from './condition-context';
import { matches } from './condition-matches';
import { toSql } from './condition-to-sql';
import { validateCondition } from './condition-validation';
import { operatorsForKind } from './operators-by-kind';
import { SqlParams } from './sql-params';

/**
 * The contract of DESIGN.md principle 3: for random records and random conditions, the rows PostgreSQL selects
 * with toSql() are exactly the records matches() accepts. Records are read back from the database, so
 * matches() sees values the way the driver returns them.
 */
const FIELDS: QueryableField[] = [
  { key: 'txt', kind: 'text' },
  { key: 'num', kind: 'number' },
  { key: 'day', kind: 'date' },
  { key: 'at', kind: 'datetime', column: 'at_col' }, // key ≠ column: rows are keyed by column
  { key: 'flag', kind: 'boolean' },
  { key: 'tags', kind: 'text_array' },
  { key: 'ref', kind: 'uuid' },
  { key: 'refs', kind: 'uuid_array' },
  { key: 'clock', kind: 'time' },
  { key: 'doc', kind: 'json' },
];

const TEXTS = [
  '',
  ' ',
  'a',
  'A',
  'abc',
  'ABC',
  'xAbCx',
  'Ábc',
  'ábc',
  'É',
  '100%',
  '1000',
  '50_50',
  '5050',
  'a\\b',
  'a\\\\b',
  "O'Brien",
  '"quoted"',
  '北京',
  '北京市',
  '上海',
  'İstanbul',
  'istanbul',
  'ISTANBUL',
  'ΣΟΦΙΑΣ',
  'σοφιας',
  'σοφιαςx',
  'straße',
  'STRASSE',
  'ẞ',
  '😀x',
  'x😀',
  '%',
  '_',
  '\\',
  'a%b_c',
  'tab\there',
  'line\nbreak',
  'ǅ',
  'ǆ',
];
const TEXT_CHARS = [
  'a',
  'B',
  'é',
  'É',
  'İ',
  'i',
  'Σ',
  'ς',
  'σ',
  '北',
  '京',
  '%',
  '_',
  '\\',
  "'",
  '"',
  ' ',
  '😀',
  'ß',
  'ẞ',
  'K',
  'k',
];
const NUMBERS: (number | string)[] = [
  0,
  1,
  -1,
  1.5,
  '1.50',
  '1.5000',
  0.1,
  0.3,
  2,
  100,
  -2.5,
  1e-7,
  123456789.123,
  '123456789.1230',
  1e20,
  '-0.0',
];
const UUIDS = [
  '00000000-0000-4000-8000-000000000001',
  '00000000-0000-4000-8000-00000000000a',
  'bbbbbbbb-0000-4000-8000-000000000000',
  'ffffffff-ffff-4fff-bfff-ffffffffffff',
];
const TAGS = ['a', 'A', 'b', '北京', '%', '_', '', "it's"];
const TIMES = ['00:00:00', '08:30:00', '08:30:00.5', '12:00:00', '23:59:59.999999', '24:00:00'];
const JSONS: unknown[] = [null, {}, [], '', 0, false, { a: 1 }, [1], 'x'];
const NOWS = [
  '2024-03-10T06:30:00Z',
  '2024-03-10T16:30:00Z',
  '2024-12-31T23:59:59.999Z',
  '2025-01-01T00:00:00Z',
  '2024-02-29T12:00:00Z',
];
const ZONES = [
  'Asia/Shanghai',
  'America/New_York',
  'UTC',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'Europe/London',
  'America/Santiago',
];
const PERIODS = [
  'today',
  'yesterday',
  'tomorrow',
  'this_week',
  'last_week',
  'next_week',
  'this_month',
  'last_month',
  'next_month',
  'this_quarter',
  'last_quarter',
  'next_quarter',
  'this_year',
  'last_year',
  'next_year',
] as const;
const DAY_MS = 86_400_000;
const BASE_MS = Date.parse('2024-03-10T00:00:00Z');

const dateArb = fc
  .integer({ min: -400, max: 400 })
  .map((d) => new Date(BASE_MS + d * DAY_MS).toISOString().slice(0, 10));
// Instants near the fixed "nows", including exact quarter hours so that day boundaries in every zone are hit.
const instantMsArb = fc.oneof(
  fc.integer({ min: -400 * 96, max: 400 * 96 }).map((q) => BASE_MS + q * 900_000),
  fc.integer({ min: -400 * DAY_MS, max: 400 * DAY_MS }).map((d) => BASE_MS + d),
  fc.constantFrom(...NOWS.map((n) => Date.parse(n))),
);
const textArb = fc.oneof(
  fc.constantFrom(...TEXTS),
  fc.array(fc.constantFrom(...TEXT_CHARS), { maxLength: 6 }).map((cs) => cs.join('')),
);

/** An ISO string for an instant, written with one of several offsets (and sometimes microseconds). */
const isoArb = fc
  .tuple(instantMsArb, fc.constantFrom(0, 480, -300, 330, 765), fc.constantFrom('', '123', '999'))
  .map(([ms, offsetMin, micros]) => {
    const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 23);
    const sign = offsetMin < 0 ? '-' : '+';
    const abs = Math.abs(offsetMin);
    const offset =
      offsetMin === 0
        ? 'Z'
        : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    return `${local}${micros}${offset}`;
  });
const caseVariant = (s: string) => fc.constantFrom(s, s.toUpperCase(), s.toLowerCase());

interface TestRecord {
  id: number;
  txt: string | null;
  num: number | string | null;
  day: string | null;
  at_col: string | null;
  flag: boolean | null;
  tags: (string | null)[] | null;
  ref: string | null;
  refs: string[] | null;
  clock: string | null;
  doc: unknown;
}

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { freq: 5, nil: null });
const recordArb = fc.record({
  txt: nullable(textArb),
  num: nullable(
    fc.oneof(fc.constantFrom(...NUMBERS), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })),
  ),
  day: nullable(dateArb),
  at_col: nullable(instantMsArb.map((ms) => new Date(ms).toISOString())),
  flag: nullable(fc.boolean()),
  tags: nullable(fc.array(fc.option(fc.constantFrom(...TAGS), { freq: 10, nil: null }), { maxLength: 4 })),
  ref: nullable(fc.constantFrom(...UUIDS)),
  refs: nullable(fc.subarray(UUIDS)),
  clock: nullable(fc.constantFrom(...TIMES)),
  doc: fc.constantFrom(...JSONS),
});

const ctxArb: fc.Arbitrary<ConditionContext> = fc.record({
  now: fc.constantFrom(...NOWS).map((n) => new Date(n)),
  timeZone: fc.constantFrom(...ZONES),
  userId: fc.option(fc.constantFrom(...UUIDS), { nil: undefined }),
  departmentIds: fc.option(fc.subarray(UUIDS), { nil: undefined }),
  weekStartsOn: fc.constantFrom<0 | 1>(0, 1),
  vars: fc.record({
    limit: fc.constantFrom<number | string>(1.5, '100', 0, -1),
    label: fc.constantFrom('abc', '%', '北京'),
    day: dateArb,
    moment: isoArb,
    nothing: fc.constant(null),
    tagList: fc.subarray(TAGS),
  }),
});

function operandArb(kind: ValueKind): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'text':
      return fc.oneof(
        { weight: 6, arbitrary: textArb },
        fc.constant({ $var: 'label' }),
        fc.constant({ $var: 'nothing' }),
      );
    case 'number':
      return fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...NUMBERS.filter((n): n is number => typeof n === 'number')) },
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
        fc.constant({ $var: 'limit' }),
      );
    case 'date':
      return fc.oneof({ weight: 5, arbitrary: dateArb }, fc.constant({ $var: 'today' }), fc.constant({ $var: 'day' }));
    case 'datetime':
      return fc.oneof({ weight: 5, arbitrary: isoArb }, fc.constant({ $var: 'now' }), fc.constant({ $var: 'moment' }));
    case 'boolean':
      return fc.boolean();
    case 'uuid':
    case 'uuid_array':
      return fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...UUIDS).chain(caseVariant) },
        fc.constant({ $var: 'me' }),
      );
    case 'text_array':
      return fc.constantFrom(...TAGS);
    case 'time':
      return fc.constantFrom(...TIMES.filter((t) => t !== '24:00:00'), '08:30', '23:59');
    case 'json':
      return fc.constant(null);
  }
}

/** A needle for contains / startsWith / endsWith: often a case-changed piece of a stored text. */
const needleArb = fc.oneof(
  fc.tuple(fc.constantFrom(...TEXTS), fc.nat(), fc.nat()).chain(([t, a, b]) => {
    const cps = [...t];
    const start = cps.length ? a % cps.length : 0;
    return caseVariant(cps.slice(start, start + 1 + (b % 3)).join(''));
  }),
  textArb,
  fc.constant({ $var: 'label' }),
);

function valueArb(kind: ValueKind, op: string): fc.Arbitrary<unknown> {
  const operand = operandArb(kind);
  switch (op) {
    case 'isEmpty':
    case 'isNotEmpty':
      return fc.constant(undefined);
    case 'between':
      return fc.tuple(operand, operand);
    case 'in':
    case 'notIn': {
      const literal = fc.array(
        operand.filter((v) => typeof v !== 'object' || v === null),
        { maxLength: 4 },
      );
      if (kind === 'uuid' || kind === 'uuid_array')
        return fc.oneof({ weight: 4, arbitrary: literal }, fc.constant({ $var: 'my_department' }));
      if (kind === 'text_array') return fc.oneof({ weight: 4, arbitrary: literal }, fc.constant({ $var: 'tagList' }));
      return literal;
    }
    case 'within':
      return fc.oneof(
        fc.constantFrom(...PERIODS).map((period) => ({ period })),
        fc.constantFrom(...PERIODS),
        fc
          .tuple(fc.constantFrom('last_n_days', 'next_n_days'), fc.integer({ min: 1, max: 400 }))
          .map(([period, n]) => ({ period, n })),
        fc.tuple(fc.constantFrom('last', 'next'), fc.integer({ min: 1, max: 90 })).map(([w, n]) => `${w}_${n}_days`),
      );
    case 'contains':
    case 'notContains':
      if (kind === 'text_array')
        return fc.oneof(operand, fc.array(operand, { maxLength: 3 }), fc.constant({ $var: 'tagList' }));
      if (kind === 'uuid_array')
        return fc.oneof(
          operand,
          fc.array(fc.constantFrom(...UUIDS), { maxLength: 3 }),
          fc.constant({ $var: 'my_department' }),
        );
      return needleArb;
    case 'startsWith':
    case 'endsWith':
      return needleArb;
    case 'eq':
    case 'ne':
      if (kind === 'uuid') return fc.oneof({ weight: 4, arbitrary: operand }, fc.constant({ $var: 'my_department' }));
      return operand;
    default:
      return operand;
  }
}

const ruleArb = fc
  .constantFrom(...FIELDS)
  .chain((field) => fc.constantFrom(...operatorsForKind(field.kind)).map((op) => ({ field, op })))
  .chain(({ field, op }) =>
    valueArb(field.kind, op).map((value) =>
      value === undefined ? { field: field.key, op } : { field: field.key, op, value },
    ),
  );

const conditionArb: fc.Memo<unknown> = fc.memo((n) =>
  n <= 1
    ? ruleArb
    : fc.oneof(
        { weight: 3, arbitrary: ruleArb },
        fc.array(conditionArb(n - 1), { maxLength: 4 }).map((and) => ({ and })),
        fc.array(conditionArb(n - 1), { maxLength: 4 }).map((or) => ({ or })),
        conditionArb(n - 1).map((not) => ({ not })),
      ),
);

describe('toSql and matches agree on PostgreSQL', () => {
  let db: TestDatabase;
  let client: Client;
  let records: TestRecord[];
  let rows: Record<string, unknown>[];

  beforeAll(async () => {
    db = await createTestDatabase('query_agree');
    client = new Client({
      connectionString: db.url,
      // As the server's data layer does: calendar dates stay 'YYYY-MM-DD' strings.
      types: {
        getTypeParser: (oid: number, format?: 'text' | 'binary') =>
          oid === 1082 ? (v: string) => v : types.getTypeParser(oid, format),
      },
    });
    await client.connect();
    await client.query(`CREATE TABLE t (
      id int PRIMARY KEY, txt text, num numeric, day date, at_col timestamptz, flag boolean,
      tags text[], ref uuid, refs uuid[], clock time, doc jsonb)`);
    records = fc.sample(recordArb, { numRuns: 60, seed: 20240310 }).map((r, i) => ({ ...r, id: i + 1 }));
    // Make sure the interesting corner values are present whatever the sample drew.
    const corners: Partial<TestRecord>[] = [
      { txt: '', num: '1.50', tags: [], refs: [], doc: '' },
      {
        txt: null,
        num: null,
        day: null,
        at_col: null,
        flag: null,
        tags: null,
        ref: null,
        refs: null,
        clock: null,
        doc: null,
      },
      { txt: '50_50', tags: ['%', null], doc: {} },
      { txt: 'a%b_c', at_col: '2024-03-10T05:00:00.000Z', day: '2024-03-10', doc: [] },
    ];
    corners.forEach((corner, i) => Object.assign(records[i], corner));
    for (const r of records) {
      await client.query(
        'INSERT INTO t VALUES ($1, $2, $3::numeric, $4::date, $5::timestamptz, $6, $7::text[], $8::uuid, $9::uuid[], $10::time, $11::jsonb)',
        [
          r.id,
          r.txt,
          r.num === null ? null : String(r.num),
          r.day,
          r.at_col,
          r.flag,
          r.tags,
          r.ref,
          r.refs,
          r.clock,
          r.doc === null ? null : JSON.stringify(r.doc),
        ],
      );
    }
    rows = (await client.query('SELECT * FROM t ORDER BY id')).rows;
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('selects exactly the records matches() accepts (random conditions)', async () => {
    let nonTrivial = 0;
    await fc.assert(
      fc.asyncProperty(conditionArb(4), ctxArb, async (condition, ctx) => {
        expect(validateCondition(condition, FIELDS)).toEqual([]);
        const params = new SqlParams();
        const where = toSql(condition, FIELDS, ctx, params, { tableAlias: 't' });
        const sqlIds = (await client.query(`SELECT id FROM t WHERE ${where} ORDER BY id`, params.values)).rows.map(
          (r) => r.id as number,
        );
        const memoryIds = rows.filter((row) => matches(row, condition, FIELDS, ctx)).map((row) => row.id as number);
        expect(memoryIds).toEqual(sqlIds);
        // The records as inserted (numbers as JS numbers, instants as ISO strings) give the same answer.
        const insertedIds = records.filter((r) => matches({ ...r }, condition, FIELDS, ctx)).map((r) => r.id);
        expect(insertedIds).toEqual(sqlIds);
        if (sqlIds.length > 0 && sqlIds.length < rows.length) nonTrivial += 1;
      }),
      { numRuns: 600 },
    );
    // Guards against generators that only ever select all or nothing.
    expect(nonTrivial).toBeGreaterThan(150);
  });

  it.each(FIELDS.flatMap((field) => operatorsForKind(field.kind).map((op) => [field.key, op] as const)))(
    'agrees on %s %s for many operands',
    async (key, op) => {
      const field = FIELDS.find((f) => f.key === key) as QueryableField;
      await fc.assert(
        fc.asyncProperty(valueArb(field.kind, op), ctxArb, async (value, ctx) => {
          const condition = value === undefined ? { field: key, op } : { field: key, op, value };
          const params = new SqlParams();
          const where = toSql(condition, FIELDS, ctx, params);
          const sqlIds = (await client.query(`SELECT id FROM t WHERE ${where} ORDER BY id`, params.values)).rows.map(
            (r) => r.id as number,
          );
          expect(rows.filter((row) => matches(row, condition, FIELDS, ctx)).map((row) => row.id)).toEqual(sqlIds);
        }),
        { numRuns: 40 },
      );
    },
  );
});
