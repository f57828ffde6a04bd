import { Type } from '@sinclair/typebox';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv';

const LOCALE = Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')], {
  description: 'Language of labels, numbers and dates in the file (default zh-CN)',
});

export const ImportQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { description: 'Default: from the content type' }),
    ),
    mode: Type.Union([Type.Literal('dry_run'), Type.Literal('all_or_nothing'), Type.Literal('skip_invalid')], {
      description:
        'dry_run: validate everything, write nothing; all_or_nothing: one transaction, refused (400) if any row fails; skip_invalid: write the valid rows',
    }),
    upsertField: Type.Optional(
      Type.String({ pattern: '^[a-z_][a-z0-9_]{0,62}$', description: 'A unique field: matching rows update' }),
    ),
    mapping: Type.Optional(
      Type.String({
        maxLength: 20000,
        description: 'JSON {"column header": "field key"}; without it columns match field labels or keys',
      }),
    ),
    locale: Type.Optional(LOCALE),
  },
  { additionalProperties: false },
);

export const TemplateQuery = Type.Object({ locale: Type.Optional(LOCALE) }, { additionalProperties: false });

export const ImportRowErrorSchema = Type.Object(
  {
    row: Type.Integer({ description: 'Row number as a spreadsheet shows it (header = 1)' }),
    column: Type.Union([Type.String(), Type.Null()]),
    field: Type.Union([Type.String(), Type.Null()]),
    code: Type.String(),
    message: Type.String(),
  },
  { title: 'ImportRowError' },
);

export const ImportResultResponse = Type.Object(
  {
    mode: Type.String(),
    rows: Type.Integer(),
    created: Type.Integer({ description: 'Created (a dry run: would be created)' }),
    updated: Type.Integer(),
    skipped: Type.Integer(),
    committed: Type.Boolean(),
    errors: Type.Array(ImportRowErrorSchema, { description: 'The first 1,000 problems' }),
    errorCount: Type.Integer(),
    invalidRows: Type.Integer(),
    ignoredColumns: Type.Array(Type.String()),
  },
  { title: 'ImportResult' },
);
