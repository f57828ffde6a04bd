import { Type } from '@sinclair/typebox';
import { SortKeySchema } from '../records/records.dto';

const KEY = Type.String({ maxLength: 63 });

/** What a saved view remembers; field references are checked against the published form on every save. */
export const ViewConfigSchema = Type.Object(
  {
    filter: Type.Optional(Type.Unknown({ description: 'A condition of the condition language' })),
    sort: Type.Optional(Type.Array(SortKeySchema, { maxItems: 5 })),
    columns: Type.Optional(Type.Array(KEY, { maxItems: 500, uniqueItems: true, description: 'Field keys, in order' })),
    groupBy: Type.Optional(Type.String({ maxLength: 63, description: 'Kanban: a single-select field' })),
    dateField: Type.Optional(Type.String({ maxLength: 63, description: 'Calendar: a date or date-time field' })),
    search: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false, title: 'ViewConfig' },
);

const KIND = Type.Union([Type.Literal('table'), Type.Literal('kanban'), Type.Literal('calendar')]);
const NAME = Type.String({ minLength: 1, maxLength: 100 });

export const CreateViewRequest = Type.Object(
  {
    name: NAME,
    kind: KIND,
    shared: Type.Optional(Type.Boolean({ description: 'Visible to everyone who may read the form (admins only)' })),
    config: ViewConfigSchema,
  },
  { additionalProperties: false, title: 'CreateViewRequest' },
);

export const UpdateViewRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version read (409 when stale)' }),
    name: Type.Optional(NAME),
    kind: Type.Optional(KIND),
    shared: Type.Optional(Type.Boolean()),
    config: Type.Optional(ViewConfigSchema),
  },
  { additionalProperties: false, title: 'UpdateViewRequest' },
);

export const ViewResponse = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    kind: KIND,
    shared: Type.Boolean(),
    ownerId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    mine: Type.Boolean(),
    config: ViewConfigSchema,
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'SavedView' },
);

export const RunViewRequest = Type.Object(
  {
    filter: Type.Optional(Type.Unknown({ description: "A condition AND-ed with the view's filter" })),
    search: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
    after: Type.Optional(Type.String({ maxLength: 2000 })),
    total: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, title: 'RunViewRequest' },
);
