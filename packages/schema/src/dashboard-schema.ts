import { DASHBOARD_FILTER_TYPES } from './dashboard-definition';

const IDENT = '^[a-z_][a-z0-9_]{0,62}$';

/** The JSON meta-schema of a DashboardDefinition. */
export const dashboardDefinitionSchema = {
  $id: 'https://tessera.dev/schema/dashboard.json',
  type: 'object',
  required: ['key', 'name', 'items', 'filters', 'crossFilter', 'refreshSeconds'],
  additionalProperties: false,
  properties: {
    key: { type: 'string', pattern: IDENT },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['reportKey', 'x', 'y', 'w', 'h'],
        additionalProperties: false,
        properties: {
          reportKey: { type: 'string', pattern: IDENT },
          x: { type: 'integer', minimum: 0, maximum: 23 },
          y: { type: 'integer', minimum: 0 },
          w: { type: 'integer', minimum: 1, maximum: 24 },
          h: { type: 'integer', minimum: 1 },
        },
      },
    },
    filters: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'label', 'type', 'mappings'],
        additionalProperties: false,
        properties: {
          key: { type: 'string', pattern: IDENT },
          label: { type: 'string' },
          type: { enum: [...DASHBOARD_FILTER_TYPES] },
          mappings: {
            type: 'object',
            propertyNames: { pattern: IDENT },
            additionalProperties: {
              type: 'string',
              pattern: '^[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})*$',
            },
          },
          options: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    crossFilter: { type: 'boolean' },
    refreshSeconds: { type: 'integer', minimum: 0, maximum: 86400 },
  },
} as const;
