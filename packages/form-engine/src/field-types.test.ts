import type { FieldDefinition, FieldType, MultiChoiceField } from '@tessera/schema';
import { FIELD_TYPES } from '@tessera/schema';
import { compile } from './compile-form';
import { FIELD_TYPE_REGISTRY, fieldTypeModule } from './field-type-registry';

const UUID = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const UUID2 = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const file = { id: UUID, name: 'a.png', size: 10, mimeType: 'image/png' };

interface Case {
  field: FieldDefinition;
  good: unknown[];
  bad: unknown[];
}

/** One row per input-holding field type: values that must pass and values that must fail. */
const cases: Case[] = [
  {
    field: { type: 'text', key: 'f', label: 'F', maxLength: 5, pattern: '^[a-z]+$' },
    good: ['abc', null],
    bad: [1, 'abcdef', 'ABC'],
  },
  { field: { type: 'textarea', key: 'f', label: 'F', minLength: 2 }, good: ['ab\ncd'], bad: ['a', true] },
  { field: { type: 'rich_text', key: 'f', label: 'F' }, good: ['<p>hi</p>'], bad: [{}, 'x'.repeat(1024 * 1024 + 1)] },
  {
    field: { type: 'number', key: 'f', label: 'F', min: 0, max: 10, precision: 1 },
    good: [0, 9.5],
    bad: [-1, 11, 1.25, '3'],
  },
  { field: { type: 'amount', key: 'f', label: 'F' }, good: [1234.5, 0.01], bad: [0.001, 'x'] },
  { field: { type: 'percent', key: 'f', label: 'F', min: 0, max: 100 }, good: [15], bad: [101] },
  { field: { type: 'email', key: 'f', label: 'F' }, good: ['a@b.cn'], bad: ['a@', 'no'] },
  { field: { type: 'phone', key: 'f', label: 'F' }, good: ['+86 138 0013 8000', '010-12345678'], bad: ['abc', '1'] },
  { field: { type: 'url', key: 'f', label: 'F' }, good: ['https://tessera.dev/x'], bad: ['ftp://x.cn', 'tessera'] },
  {
    field: { type: 'date', key: 'f', label: 'F', min: '2020-01-01' },
    good: ['2024-02-29'],
    bad: ['2023-02-29', '2019-12-31', '2024/01/01'],
  },
  {
    field: { type: 'datetime', key: 'f', label: 'F' },
    good: ['2024-03-05T06:30:00.000Z', '2024-03-05T14:30:00+08:00'],
    bad: ['2024-03-05 14:30'],
  },
  {
    field: { type: 'time', key: 'f', label: 'F', max: '18:00' },
    good: ['09:30', '17:59:59'],
    bad: ['24:00', '9:30', '18:30'],
  },
  { field: { type: 'duration', key: 'f', label: 'F' }, good: [3600], bad: [-5, '1h'] },
  {
    field: { type: 'select', key: 'f', label: 'F', options: [{ value: 'a', label: 'A' }] },
    good: ['a'],
    bad: ['b', ['a']],
  },
  {
    field: { type: 'radio', key: 'f', label: 'F', options: [{ value: 'a', label: 'A' }] },
    good: ['a'],
    bad: ['z'],
  },
  {
    field: {
      type: 'multi_select',
      key: 'f',
      label: 'F',
      maxItems: 2,
      options: ['a', 'b', 'c'].map((v) => ({ value: v, label: v })),
    },
    good: [['a', 'b'], []],
    bad: [['a', 'a'], ['a', 'b', 'c'], ['x'], 'a'],
  },
  {
    field: { type: 'checkbox', key: 'f', label: 'F', options: [{ value: 'a', label: 'A' }] },
    good: [['a']],
    bad: [['b']],
  },
  { field: { type: 'switch', key: 'f', label: 'F' }, good: [true, false], bad: ['yes', 1] },
  { field: { type: 'rating', key: 'f', label: 'F', max: 5 }, good: [0, 5], bad: [6, 2.5, -1] },
  { field: { type: 'member', key: 'f', label: 'F' }, good: [UUID], bad: ['bob', [UUID]] },
  { field: { type: 'member', key: 'f', label: 'F', multiple: true }, good: [[UUID, UUID2]], bad: [UUID, [UUID, UUID]] },
  { field: { type: 'department', key: 'f', label: 'F' }, good: [UUID], bad: ['x'] },
  {
    field: { type: 'region', key: 'f', label: 'F', level: 'city' },
    good: [{ province: '广东省', city: '深圳市' }],
    bad: [{ province: '广东省' }, { province: 'x', city: 'y', planet: 'z' }, '广东省'],
  },
  {
    field: { type: 'location', key: 'f', label: 'F' },
    good: [{ lat: 22.5, lng: 114 }],
    bad: [{ lat: 91, lng: 0 }, { lat: 1 }],
  },
  {
    field: { type: 'image', key: 'f', label: 'F', maxFiles: 1 },
    good: [[file]],
    bad: [[file, file], [{ ...file, mimeType: 'application/pdf' }]],
  },
  {
    field: { type: 'attachment', key: 'f', label: 'F', maxFileSize: 100 },
    good: [[{ ...file, mimeType: 'application/pdf' }]],
    bad: [[{ ...file, size: 101 }], [{ name: 'x' }]],
  },
  { field: { type: 'signature', key: 'f', label: 'F' }, good: [file], bad: [[file], 'data:image/png'] },
  { field: { type: 'relation', key: 'f', label: 'F', relation: { form: 'other' } }, good: [UUID], bad: ['x', [UUID]] },
  {
    field: { type: 'relation', key: 'f', label: 'F', relation: { form: 'other', multiple: true } },
    good: [[UUID]],
    bad: [UUID],
  },
  { field: { type: 'owner', key: 'f', label: 'F' }, good: [UUID], bad: ['me'] },
  {
    field: { type: 'auto_number', key: 'f', label: 'F', autoNumber: { pattern: 'A{000}' } },
    good: ['A001'],
    bad: [12],
  },
  {
    field: { type: 'formula', key: 'f', label: 'F', formula: { expression: '1', resultType: 'number' } },
    good: [1],
    bad: ['1'],
  },
  { field: { type: 'created_at', key: 'f', label: 'F' }, good: ['2024-03-05T06:30:00Z'], bad: ['yesterday'] },
  { field: { type: 'created_by', key: 'f', label: 'F' }, good: [UUID], bad: [1] },
  {
    field: {
      type: 'sub_table',
      key: 'f',
      label: 'F',
      maxRows: 2,
      fields: [{ type: 'number', key: 'qty', label: 'Qty', min: 1 }],
    },
    good: [[{ qty: 1 }, { id: UUID, qty: 2 }]],
    bad: [[{ qty: 0 }], [{ qty: 1, other: 1 }], [{}, {}, {}], { qty: 1 }],
  },
];

describe('field type registry', () => {
  it('has a module for each of the 40 field types', () => {
    expect(FIELD_TYPES.length).toBeGreaterThanOrEqual(40);
    for (const t of FIELD_TYPES) expect(fieldTypeModule(t).type).toBe(t);
    expect(Object.keys(FIELD_TYPE_REGISTRY).sort()).toEqual([...FIELD_TYPES].sort());
  });

  it('covers every input-holding type in the value tests', () => {
    const tested = new Set<FieldType>(cases.map((c) => c.field.type));
    const untested = FIELD_TYPES.filter((t) => !tested.has(t));
    expect(untested.sort()).toEqual(
      ['divider', 'lookup', 'rollup', 'section', 'tabs', 'updated_at', 'updated_by'].sort(),
    );
  });
});

describe.each(cases.map((c) => [c.field.type, c] as const))('%s values', (_type, { field, good, bad }) => {
  const form = compile({ key: 'form', name: 'Form', fields: [field] });
  it.each(good.map((v) => [JSON.stringify(v).slice(0, 60), v]))('accepts %s', (_label, value) => {
    expect(form.validate({ f: value }, 'create').errors).toEqual([]);
  });
  it.each(bad.map((v) => [JSON.stringify(v).slice(0, 60), v]))('refuses %s', (_label, value) => {
    const result = form.validate({ f: value }, 'create');
    expect(result.ok).toBe(false);
    expect(result.errors[0].path.startsWith('/f')).toBe(true);
    expect(result.errors[0].messageZh).not.toBe('');
  });
});

describe('record validation', () => {
  const form = compile({
    key: 'form',
    name: 'Form',
    fields: [
      { type: 'text', key: 'name', label: { 'zh-CN': '名称', 'en-US': 'Name' }, required: true },
      {
        type: 'text',
        key: 'code',
        label: 'Code',
        pattern: '^C\\d+$',
        patternMessage: { 'zh-CN': '编号须以C开头', 'en-US': 'Code starts with C' },
      },
      { type: 'section', key: 'sec', label: 'Section' },
    ],
  });

  it('refuses unknown fields and layout keys', () => {
    const r = form.validate({ name: 'x', nope: 1, sec: 'x' }, 'create');
    expect(r.errors.map((e) => [e.path, e.code])).toEqual([
      ['/nope', 'unknown_field'],
      ['/sec', 'unknown_field'],
    ]);
  });

  it('reports required in both languages, and only for present keys on update', () => {
    const r = form.validate({}, 'create');
    expect(r.errors).toEqual([
      { path: '/name', code: 'required', message: 'Name is required', messageZh: '名称为必填项' },
    ]);
    expect(form.validate({}, 'update').ok).toBe(true);
    expect(form.validate({ name: '' }, 'update').errors[0].code).toBe('required');
  });

  it('uses the pattern message', () => {
    const r = form.validate({ name: 'x', code: 'X1' }, 'create');
    expect(r.errors[0]).toMatchObject({
      code: 'pattern_mismatch',
      message: 'Code starts with C',
      messageZh: '编号须以C开头',
    });
  });

  it('points into sub-table rows', () => {
    const f = compile({
      key: 'q',
      name: 'Q',
      fields: [
        {
          type: 'sub_table',
          key: 'items',
          label: 'Items',
          fields: [
            { type: 'text', key: 'product', label: 'Product', required: true },
            { type: 'number', key: 'qty', label: 'Qty', min: 1 },
          ],
        },
      ],
    });
    const rows = Array.from({ length: 4 }, () => ({ product: 'p', qty: 1 }));
    rows[3] = { product: '', qty: 0 };
    const r = f.validate({ items: rows }, 'create');
    expect(r.errors.map((e) => [e.path, e.code])).toEqual([
      ['/items/3/qty', 'too_small'],
      ['/items/3/product', 'required'],
    ]);
  });
});

describe('parse and format', () => {
  const amount = { type: 'amount', key: 'a', label: 'A', currency: 'CNY' } as const;
  it('parses and formats amounts per locale', () => {
    const m = fieldTypeModule('amount');
    expect(m.parse('¥1,234.50', amount, 'zh-CN')).toEqual({ ok: true, value: 1234.5 });
    expect(m.parse('1,234.50', amount, 'en-US')).toEqual({ ok: true, value: 1234.5 });
    expect(m.parse('１２３４．５元', amount, 'zh-CN')).toEqual({ ok: true, value: 1234.5 });
    expect(m.parse('abc', amount, 'zh-CN').ok).toBe(false);
    expect(m.format(1234.5, amount, 'zh-CN')).toBe('¥1,234.50');
    expect(m.format(1234.5, amount, 'en-US')).toBe('CN¥1,234.50');
  });

  it('reads date-times in the tenant zone and formats them back', () => {
    const m = fieldTypeModule('datetime');
    const f = { type: 'datetime', key: 'd', label: 'D' } as const;
    expect(m.parse('2024-03-05 14:30', f, 'zh-CN', 'Asia/Shanghai')).toEqual({
      ok: true,
      value: '2024-03-05T06:30:00.000Z',
    });
    expect(m.parse('2024-03-05 14:30', f, 'en-US', 'America/New_York')).toEqual({
      ok: true,
      value: '2024-03-05T19:30:00.000Z',
    });
    expect(m.format('2024-03-05T06:30:00.000Z', f, 'zh-CN', 'Asia/Shanghai')).toBe('2024/03/05 14:30');
    const d = fieldTypeModule('date');
    expect(d.parse('2024年3月5日', { type: 'date', key: 'd', label: 'D' }, 'zh-CN')).toEqual({
      ok: true,
      value: '2024-03-05',
    });
  });

  it('reads back what format() writes, in both languages (dates and lists)', () => {
    const date = { type: 'date', key: 'd', label: 'D' } as const;
    const datetime = { type: 'datetime', key: 't', label: 'T' } as const;
    const multi: MultiChoiceField = {
      type: 'multi_select',
      key: 'm',
      label: 'M',
      options: [
        { value: 'vip', label: { 'zh-CN': '重要', 'en-US': 'VIP' } },
        { value: 'renewal', label: { 'zh-CN': '续约', 'en-US': 'Renewal' } },
      ],
    };
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const d = fieldTypeModule('date');
      expect(d.parse(d.format('2026-11-20', date, locale), date, locale)).toEqual({ ok: true, value: '2026-11-20' });
      const t = fieldTypeModule('datetime');
      const instant = '2026-11-20T01:30:00.000Z';
      expect(t.parse(t.format(instant, datetime, locale, 'Asia/Shanghai'), datetime, locale, 'Asia/Shanghai')).toEqual({
        ok: true,
        value: instant,
      });
      const m = fieldTypeModule('multi_select');
      expect(m.parse(m.format(['vip', 'renewal'], multi, locale), multi, locale)).toEqual({
        ok: true,
        value: ['vip', 'renewal'],
      });
    }
  });

  it('parses choices by label, durations and switches', () => {
    const sel: MultiChoiceField = {
      type: 'multi_select',
      key: 's',
      label: 'S',
      options: [{ value: 'vip', label: { 'zh-CN': '重要', 'en-US': 'VIP' } }],
    };
    expect(fieldTypeModule('multi_select').parse('重要, vip', sel, 'zh-CN')).toEqual({ ok: true, value: ['vip'] });
    const dur = { type: 'duration', key: 'd', label: 'D' } as const;
    expect(fieldTypeModule('duration').parse('1天2小时', dur, 'zh-CN')).toEqual({ ok: true, value: 93600 });
    expect(fieldTypeModule('duration').format(93600, dur, 'en-US')).toBe('1d 2h');
    expect(fieldTypeModule('switch').parse('是', { type: 'switch', key: 's', label: 'S' }, 'zh-CN')).toEqual({
      ok: true,
      value: true,
    });
  });

  it('delegates operators to the value kind', () => {
    expect(fieldTypeModule('amount').operators({ type: 'amount', key: 'a', label: 'A' })).toContain('between');
    expect(fieldTypeModule('region').operators({ type: 'region', key: 'r', label: 'R' })).toEqual([
      'isEmpty',
      'isNotEmpty',
    ]);
    expect(fieldTypeModule('section').operators({ type: 'section', key: 's', label: 'S' })).toEqual([]);
  });
});
