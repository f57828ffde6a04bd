import { FIELD_TYPES } from './field-definition';
import { isReservedFieldKey, isValidFieldKey } from './field-key';
import type { FormDefinition } from './form-definition';
import { validateAppDefinition, validateFormDefinition } from './metadata-validation';

const valid: FormDefinition = {
  key: 'deals',
  name: 'Deals',
  fields: [
    { type: 'text', key: 'title', label: { 'zh-CN': '标题', 'en-US': 'Title' }, required: true, width: 12 },
    {
      type: 'select',
      key: 'stage',
      label: 'Stage',
      options: [
        { value: 'open', label: 'Open', color: 'blue' },
        { value: 'won', label: 'Won' },
      ],
    },
    { type: 'relation', key: 'customer', label: 'Customer', relation: { form: 'customers', displayField: 'name' } },
    { type: 'lookup', key: 'customer_region', label: 'Region', lookup: { relationField: 'customer', field: 'region' } },
    { type: 'formula', key: 'score', label: 'Score', formula: { expression: '1 + 1', resultType: 'number' } },
    { type: 'text', key: 'reason', label: 'Reason', visibleWhen: { field: 'stage', op: 'eq', value: 'won' } },
  ],
  titleField: 'title',
  linkage: [{ when: { field: 'stage', op: 'eq', value: 'won' }, require: ['reason'] }],
};

describe('validateFormDefinition', () => {
  it('accepts a valid form', () => {
    expect(validateFormDefinition(valid, { formExists: (k) => k === 'customers' })).toEqual([]);
  });

  it('lists at least 40 field types', () => {
    expect(FIELD_TYPES.length).toBeGreaterThanOrEqual(40);
  });

  it('names the path of structural errors', () => {
    const issues = validateFormDefinition({
      ...valid,
      fields: [
        { type: 'select', key: 'x', label: 'X' },
        { type: 'nope', key: 'y', label: 'Y' },
      ],
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/fields/0/options', code: 'required' }),
        expect.objectContaining({ path: '/fields/1/type', code: 'enum' }),
      ]),
    );
    expect(validateFormDefinition(null)[0].code).toBe('type');
  });

  it('refuses invalid, reserved and duplicate keys', () => {
    const issues = validateFormDefinition({
      ...valid,
      fields: [
        { type: 'text', key: 'Title', label: 'T' },
        { type: 'text', key: 'id', label: 'T' },
        { type: 'text', key: 'a', label: 'A' },
        { type: 'text', key: 'a', label: 'A' },
      ],
      titleField: undefined,
      linkage: undefined,
    });
    expect(issues.map((i) => [i.path, i.code])).toEqual([['/fields/0/key', 'invalid_key']]);
    const semantic = validateFormDefinition({
      key: 'f',
      name: 'F',
      fields: [
        { type: 'text', key: 'id', label: 'T' },
        { type: 'text', key: 'a', label: 'A' },
        { type: 'text', key: 'a', label: 'A' },
      ],
    });
    expect(semantic.map((i) => [i.path, i.code])).toEqual([
      ['/fields/0/key', 'reserved_key'],
      ['/fields/2/key', 'duplicate_key'],
    ]);
  });

  it('checks options, relations, lookups, references and formulas', () => {
    const issues = validateFormDefinition(
      {
        key: 'f',
        name: 'F',
        fields: [
          {
            type: 'select',
            key: 's',
            label: 'S',
            options: [
              { value: 'a', label: 'A' },
              { value: 'a', label: 'B' },
            ],
          },
          { type: 'relation', key: 'r', label: 'R', relation: { form: 'ghosts' } },
          { type: 'lookup', key: 'l', label: 'L', lookup: { relationField: 's', field: 'x' } },
          { type: 'rollup', key: 'ru', label: 'RU', rollup: { relationField: 'r', aggregate: 'sum' } },
          { type: 'formula', key: 'fx', label: 'FX', formula: { expression: ' ', resultType: 'number' } },
          { type: 'auto_number', key: 'no', label: 'No', autoNumber: { pattern: 'HT-{YYYY}' } },
          { type: 'number', key: 'n', label: 'N', min: 5, max: 1, visibleWhen: { field: 'ghost', op: 'isEmpty' } },
          {
            type: 'sub_table',
            key: 'items',
            label: 'I',
            fields: [{ type: 'sub_table', key: 'deep', label: 'D', fields: [{ type: 'text', key: 't', label: 'T' }] }],
          },
        ],
        titleField: 'missing',
      },
      { formExists: () => false },
    );
    expect(issues.map((i) => [i.path, i.code]).sort()).toEqual(
      [
        ['/fields/0/options/1/value', 'duplicate_option'],
        ['/fields/1/relation/form', 'unknown_form'],
        ['/fields/2/lookup/relationField', 'unknown_relation'],
        ['/fields/3/rollup/field', 'required'],
        ['/fields/4/formula/expression', 'formula_required'],
        ['/fields/5/autoNumber/pattern', 'sequence_required'],
        ['/fields/6/min', 'min_above_max'],
        ['/fields/6/visibleWhen', 'unknown_field'],
        ['/fields/7/fields/0/type', 'not_allowed_in_sub_table'],
        ['/titleField', 'unknown_field'],
      ].sort(),
    );
  });
});

describe('field keys', () => {
  it('has one definition of valid and reserved keys', () => {
    expect(isValidFieldKey('customer_name')).toBe(true);
    expect(isValidFieldKey('a'.repeat(64))).toBe(false);
    expect(isValidFieldKey('1a')).toBe(false);
    for (const k of [
      'id',
      'created_at',
      'created_by',
      'updated_at',
      'updated_by',
      'owner_id',
      'version',
      'deleted_at',
      'tenant_id',
      'parent_id',
      'sort_index',
    ])
      expect(isReservedFieldKey(k)).toBe(true);
  });
});

describe('validateAppDefinition', () => {
  it('validates apps', () => {
    expect(validateAppDefinition({ key: 'crm', name: 'CRM', icon: 'team', forms: ['customers', 'deals'] })).toEqual([]);
    expect(validateAppDefinition({ key: 'crm', name: 'CRM', forms: ['a', 'a'] })[0].code).toBe('uniqueItems');
  });
});
