import { CONDITION_OPERATORS, RELATIVE_PERIODS } from './condition';
import { CHART_TYPES, DATE_BUCKETS, REPORT_AGGREGATES } from './report-definition';

/** Field keys, relation paths (`customer.region`) and output names. */
const IDENT = '^[a-z_][a-z0-9_]{0,62}$';
const FIELD_PATH = '^[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})*$';
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

const fieldRef = { type: 'string', pattern: FIELD_PATH } as const;

/** A structural schema of the shared condition language (semantics are checked by `@tessera/query`). */
export const reportConditionSchema = {
  $id: 'https://tessera.dev/schema/report-condition.json',
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
    {
      type: 'object',
      required: ['field', 'op'],
      additionalProperties: false,
      properties: { field: fieldRef, op: { enum: [...CONDITION_OPERATORS] }, value: {} },
    },
  ],
} as const;

const chartSchema = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: { type: { enum: [...CHART_TYPES] }, options: { type: 'object' } },
} as const;

/** The JSON meta-schema of a ReportDefinition (validated before a report is stored). */
export const reportDefinitionSchema = {
  $id: 'https://tessera.dev/schema/report.json',
  type: 'object',
  required: ['key', 'name', 'source', 'dimensions', 'measures', 'chart'],
  additionalProperties: false,
  properties: {
    key: { type: 'string', pattern: IDENT },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    source: {
      type: 'object',
      required: ['form'],
      additionalProperties: false,
      properties: { form: { type: 'string', pattern: IDENT } },
    },
    joins: {
      type: 'array',
      items: { type: 'object', required: ['path'], additionalProperties: false, properties: { path: fieldRef } },
    },
    filters: { $ref: 'https://tessera.dev/schema/report-condition.json' },
    dimensions: {
      type: 'array',
      maxItems: 8,
      items: {
        type: 'object',
        required: ['field'],
        additionalProperties: false,
        properties: {
          field: fieldRef,
          bucket: { enum: [...DATE_BUCKETS] },
          topN: {
            type: 'object',
            required: ['n', 'other'],
            additionalProperties: false,
            properties: { n: { type: 'integer', minimum: 1, maximum: 1000 }, other: { type: 'boolean' } },
          },
          label: { type: 'string' },
        },
      },
    },
    measures: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: {
        type: 'object',
        required: ['aggregate', 'as'],
        additionalProperties: false,
        properties: {
          field: fieldRef,
          aggregate: { enum: [...REPORT_AGGREGATES] },
          as: { type: 'string', pattern: '^[a-z_][a-z0-9_]{0,50}$', not: { pattern: '^d[0-9]+$' } },
          percentOfTotal: { type: 'boolean' },
          runningTotal: { type: 'boolean' },
          label: { type: 'string' },
          format: {
            type: 'object',
            required: ['style'],
            additionalProperties: false,
            properties: {
              style: { enum: ['number', 'currency', 'percent'] },
              decimals: { type: 'integer', minimum: 0, maximum: 10 },
              currency: { type: 'string', pattern: '^[A-Z]{3}$' },
            },
          },
        },
      },
    },
    sort: {
      type: 'array',
      items: {
        type: 'object',
        required: ['by', 'direction'],
        additionalProperties: false,
        properties: { by: fieldRef, direction: { enum: ['asc', 'desc'] } },
      },
    },
    limit: { type: 'integer', minimum: 1, maximum: 100000 },
    chart: chartSchema,
    funnel: {
      type: 'object',
      required: ['stageField', 'stages'],
      additionalProperties: false,
      properties: {
        stageField: fieldRef,
        stages: { type: 'array', minItems: 1, items: { type: 'string' } },
        amountField: fieldRef,
        cumulative: { type: 'boolean' },
      },
    },
    target: {
      type: 'object',
      required: ['targetForm', 'periodField', 'ownerField', 'valueField', 'matchBy'],
      additionalProperties: false,
      properties: {
        targetForm: { type: 'string', pattern: IDENT },
        periodField: { type: 'string', pattern: IDENT },
        ownerField: { type: 'string', pattern: IDENT },
        valueField: { type: 'string', pattern: IDENT },
        matchBy: { enum: ['owner', 'department'] },
        sourceField: fieldRef,
        measure: { type: 'string', pattern: IDENT },
      },
    },
    compare: {
      type: 'object',
      required: ['previousPeriod', 'dateField', 'period'],
      additionalProperties: false,
      properties: {
        previousPeriod: { const: true },
        dateField: fieldRef,
        period: {
          oneOf: [
            {
              type: 'object',
              required: ['period'],
              additionalProperties: false,
              properties: { period: { enum: [...RELATIVE_PERIODS] }, n: { type: 'integer', minimum: 1 } },
            },
            {
              type: 'object',
              required: ['from', 'to'],
              additionalProperties: false,
              properties: { from: { type: 'string', pattern: DATE }, to: { type: 'string', pattern: DATE } },
            },
          ],
        },
      },
    },
    pivot: {
      type: 'object',
      required: ['rows', 'columns', 'subtotals'],
      additionalProperties: false,
      properties: {
        rows: { type: 'array', items: fieldRef },
        columns: { type: 'array', items: fieldRef },
        subtotals: { type: 'boolean' },
      },
    },
  },
} as const;
