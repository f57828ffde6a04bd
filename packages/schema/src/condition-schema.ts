import { CONDITION_OPERATORS, RELATIVE_PERIODS } from './condition';

/**
 * The JSON meta-schema (draft-07, as ajv validates by default) of the Condition language. It checks shape only;
 * what depends on the form — known fields, operators per value kind, value types, nesting depth and rule
 * count — is checked by `validateCondition` in `@tessera/query`, which names the same JSON pointer paths.
 */
const FIELD_PATH = '^[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})*$';

export const conditionSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://tessera.dev/schema/condition.json',
  title: 'Condition',
  definitions: {
    contextValue: {
      type: 'object',
      required: ['$var'],
      additionalProperties: false,
      properties: { $var: { type: 'string', minLength: 1 } },
    },
    relativePeriod: {
      type: 'object',
      required: ['period'],
      additionalProperties: false,
      properties: {
        period: { enum: [...RELATIVE_PERIODS] },
        n: { type: 'integer', minimum: 1, maximum: 36600 },
      },
    },
    operand: {
      anyOf: [{ type: ['string', 'number', 'boolean', 'null'] }, { $ref: '#/definitions/contextValue' }],
    },
    value: {
      anyOf: [
        { $ref: '#/definitions/operand' },
        { $ref: '#/definitions/relativePeriod' },
        { type: 'array', items: { $ref: '#/definitions/operand' } },
      ],
    },
    rule: {
      type: 'object',
      required: ['field', 'op'],
      additionalProperties: false,
      properties: {
        field: { type: 'string', pattern: FIELD_PATH },
        op: { enum: [...CONDITION_OPERATORS] },
        value: { $ref: '#/definitions/value' },
      },
    },
  },
  oneOf: [
    {
      type: 'object',
      required: ['and'],
      additionalProperties: false,
      properties: { and: { type: 'array', items: { $ref: '#' } } },
    },
    {
      type: 'object',
      required: ['or'],
      additionalProperties: false,
      properties: { or: { type: 'array', items: { $ref: '#' } } },
    },
    { type: 'object', required: ['not'], additionalProperties: false, properties: { not: { $ref: '#' } } },
    { $ref: '#/definitions/rule' },
  ],
} as const;
