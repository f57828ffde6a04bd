import { CONDITION_OPERATORS, RELATIVE_PERIODS } from './condition';
import { FIELD_TYPES, FORMULA_RESULT_TYPES, ROLLUP_AGGREGATES, type FieldType } from './field-definition';
import { FIELD_KEY_PATTERN } from './field-key';

/**
 * JSON meta-schemas (draft-07, ajv) for forms, fields and apps, as plain objects so the server can also
 * publish them in OpenAPI. Structural rules live here; cross-field rules (duplicates, references, cycles)
 * live in metadata-validation.ts.
 */
const key = { type: 'string', pattern: FIELD_KEY_PATTERN.source };
const localizedText = {
  anyOf: [
    { type: 'string', maxLength: 500 },
    {
      type: 'object',
      properties: { 'zh-CN': { type: 'string', maxLength: 500 }, 'en-US': { type: 'string', maxLength: 500 } },
      additionalProperties: false,
    },
  ],
};
const nonNegativeInt = { type: 'integer', minimum: 0 };
const expression = { type: 'string', minLength: 1, maxLength: 10000 };

const conditionOperand = {
  anyOf: [
    { type: ['string', 'number', 'boolean', 'null'] },
    {
      type: 'object',
      required: ['$var'],
      properties: { $var: { type: 'string' } },
      additionalProperties: false,
    },
  ],
};

const conditionSchema = {
  anyOf: [
    {
      type: 'object',
      required: ['and'],
      properties: { and: { type: 'array', items: { $ref: '#/$defs/condition' } } },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['or'],
      properties: { or: { type: 'array', items: { $ref: '#/$defs/condition' } } },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['not'],
      properties: { not: { $ref: '#/$defs/condition' } },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['field', 'op'],
      properties: {
        field: { type: 'string', minLength: 1 },
        op: { enum: [...CONDITION_OPERATORS] },
        value: {
          anyOf: [
            conditionOperand,
            { type: 'array', items: conditionOperand },
            {
              type: 'object',
              required: ['period'],
              properties: { period: { enum: [...RELATIVE_PERIODS] }, n: { type: 'integer' } },
              additionalProperties: false,
            },
          ],
        },
      },
      additionalProperties: false,
    },
  ],
};

const commonProperties = {
  type: { enum: [...FIELD_TYPES] },
  key,
  label: localizedText,
  help: localizedText,
  placeholder: localizedText,
  required: { type: 'boolean' },
  readOnly: { type: 'boolean' },
  hidden: { type: 'boolean' },
  unique: { type: 'boolean' },
  indexed: { type: 'boolean' },
  defaultValue: {},
  defaultFormula: expression,
  width: { type: 'integer', minimum: 1, maximum: 24 },
  visibleWhen: { $ref: '#/$defs/condition' },
  requiredWhen: { $ref: '#/$defs/condition' },
  readOnlyWhen: { $ref: '#/$defs/condition' },
};

const textSettings = {
  properties: {
    minLength: nonNegativeInt,
    maxLength: { type: 'integer', minimum: 1 },
    pattern: { type: 'string', minLength: 1, maxLength: 1000 },
    patternMessage: localizedText,
  },
};
const numberSettings = {
  properties: {
    min: { type: 'number' },
    max: { type: 'number' },
    precision: { type: 'integer', minimum: 0, maximum: 10 },
  },
};
const options = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['value', 'label'],
    properties: {
      value: { type: 'string', minLength: 1, maxLength: 200 },
      label: localizedText,
      color: { type: 'string', maxLength: 50 },
    },
    additionalProperties: false,
  },
};
const cascadeFrom = {
  type: 'object',
  required: ['field', 'map'],
  properties: {
    field: key,
    map: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
  },
  additionalProperties: false,
};

/** Per-type settings; `required` lists the settings a type cannot do without. */
const typeSettings: Partial<Record<FieldType, object>> = {
  text: textSettings,
  textarea: textSettings,
  rich_text: textSettings,
  email: textSettings,
  phone: textSettings,
  url: textSettings,
  number: numberSettings,
  percent: numberSettings,
  amount: {
    properties: {
      ...numberSettings.properties,
      currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    },
  },
  date: { properties: { min: { type: 'string' }, max: { type: 'string' } } },
  datetime: { properties: { min: { type: 'string' }, max: { type: 'string' } } },
  time: { properties: { min: { type: 'string' }, max: { type: 'string' } } },
  duration: { properties: { min: { type: 'number' }, max: { type: 'number' } } },
  select: { required: ['options'], properties: { options, cascadeFrom } },
  radio: { required: ['options'], properties: { options, cascadeFrom } },
  multi_select: {
    required: ['options'],
    properties: { options, cascadeFrom, minItems: nonNegativeInt, maxItems: { type: 'integer', minimum: 1 } },
  },
  checkbox: {
    required: ['options'],
    properties: { options, cascadeFrom, minItems: nonNegativeInt, maxItems: { type: 'integer', minimum: 1 } },
  },
  rating: { properties: { max: { type: 'integer', minimum: 1, maximum: 10 } } },
  member: { properties: { multiple: { type: 'boolean' } } },
  department: { properties: { multiple: { type: 'boolean' } } },
  region: { properties: { level: { enum: ['province', 'city', 'district', 'address'] } } },
  image: {
    properties: {
      maxFiles: { type: 'integer', minimum: 1 },
      maxFileSize: { type: 'integer', minimum: 1 },
      accept: { type: 'array', items: { type: 'string' } },
    },
  },
  attachment: {
    properties: {
      maxFiles: { type: 'integer', minimum: 1 },
      maxFileSize: { type: 'integer', minimum: 1 },
      accept: { type: 'array', items: { type: 'string' } },
    },
  },
  auto_number: {
    required: ['autoNumber'],
    properties: {
      autoNumber: {
        type: 'object',
        required: ['pattern'],
        properties: { pattern: { type: 'string', minLength: 1, maxLength: 100 } },
        additionalProperties: false,
      },
    },
  },
  relation: {
    required: ['relation'],
    properties: {
      relation: {
        type: 'object',
        required: ['form'],
        properties: {
          form: key,
          displayField: key,
          multiple: { type: 'boolean' },
          fill: { type: 'object', additionalProperties: key },
        },
        additionalProperties: false,
      },
    },
  },
  lookup: {
    required: ['lookup'],
    properties: {
      lookup: {
        type: 'object',
        required: ['relationField', 'field'],
        properties: { relationField: key, field: key },
        additionalProperties: false,
      },
    },
  },
  rollup: {
    required: ['rollup'],
    properties: {
      rollup: {
        type: 'object',
        required: ['relationField', 'aggregate'],
        properties: { relationField: key, field: key, aggregate: { enum: [...ROLLUP_AGGREGATES] } },
        additionalProperties: false,
      },
    },
  },
  formula: {
    required: ['formula'],
    properties: {
      formula: {
        type: 'object',
        required: ['expression', 'resultType'],
        properties: {
          expression,
          resultType: { enum: [...FORMULA_RESULT_TYPES] },
          precision: { type: 'integer', minimum: 0, maximum: 10 },
        },
        additionalProperties: false,
      },
    },
  },
  sub_table: {
    required: ['fields'],
    properties: {
      fields: { type: 'array', minItems: 1, items: { $ref: '#/$defs/field' } },
      minRows: nonNegativeInt,
      maxRows: { type: 'integer', minimum: 1 },
    },
  },
  section: {
    properties: { title: localizedText, children: { type: 'array', items: key }, collapsible: { type: 'boolean' } },
  },
  divider: { properties: { title: localizedText } },
  tabs: {
    required: ['tabs'],
    properties: {
      tabs: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['title', 'children'],
          properties: { title: localizedText, children: { type: 'array', items: key } },
          additionalProperties: false,
        },
      },
    },
  },
};

const fieldSchema = {
  type: 'object',
  required: ['type', 'key', 'label'],
  properties: commonProperties,
  allOf: Object.entries(typeSettings).map(([type, then]) => ({
    if: { properties: { type: { const: type } }, required: ['type'] },
    then,
  })),
};

const defs = { condition: conditionSchema, field: fieldSchema, localizedText };

export const formDefinitionSchema = {
  $id: 'https://tessera.dev/schema/form-definition.json',
  $defs: defs,
  type: 'object',
  required: ['key', 'name', 'fields'],
  properties: {
    key,
    name: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', maxLength: 2000 },
    fields: { type: 'array', items: { $ref: '#/$defs/field' }, maxItems: 500 },
    layout: {
      type: 'object',
      required: ['rows'],
      properties: {
        rows: {
          type: 'array',
          items: {
            type: 'object',
            required: ['columns'],
            properties: {
              columns: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['field'],
                  properties: { field: key, span: { type: 'integer', minimum: 1, maximum: 24 } },
                  additionalProperties: false,
                },
              },
            },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
    titleField: key,
    linkage: {
      type: 'array',
      items: {
        type: 'object',
        required: ['when'],
        properties: {
          when: { $ref: '#/$defs/condition' },
          show: { type: 'array', items: key },
          hide: { type: 'array', items: key },
          require: { type: 'array', items: key },
          readOnly: { type: 'array', items: key },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

export const appDefinitionSchema = {
  $id: 'https://tessera.dev/schema/app-definition.json',
  type: 'object',
  required: ['key', 'name', 'forms'],
  properties: {
    key,
    name: { type: 'string', minLength: 1, maxLength: 200 },
    icon: { type: 'string', maxLength: 100 },
    color: { type: 'string', maxLength: 50 },
    forms: { type: 'array', items: key, uniqueItems: true },
  },
  additionalProperties: false,
} as const;
