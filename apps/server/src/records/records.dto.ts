import { Type } from '@sinclair/typebox';

const UUID = Type.String({ format: 'uuid' });
const Values = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Field key → value; validated by the form definition',
});

export const RecordResponse = Type.Object(
  {
    id: UUID,
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    createdBy: Type.Union([UUID, Type.Null()]),
    updatedAt: Type.String({ format: 'date-time' }),
    updatedBy: Type.Union([UUID, Type.Null()]),
    ownerId: Type.Union([UUID, Type.Null()]),
    deletedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    values: Values,
    display: Type.Record(Type.String(), Type.Unknown(), {
      description: 'Names of people, departments and related records',
    }),
  },
  { title: 'Record' },
);

export const CreateRecordRequest = Type.Object(
  { values: Values, ownerId: Type.Optional(Type.Union([UUID, Type.Null()])) },
  { additionalProperties: false, title: 'CreateRecordRequest' },
);

export const UpdateRecordRequest = Type.Object(
  {
    version: Type.Integer({
      minimum: 1,
      description: 'The version the record was read at (409 with the current record when stale)',
    }),
    values: Values,
  },
  { additionalProperties: false, title: 'UpdateRecordRequest' },
);

export const SortKeySchema = Type.Object(
  { field: Type.String({ maxLength: 63 }), direction: Type.Union([Type.Literal('asc'), Type.Literal('desc')]) },
  { additionalProperties: false },
);

export const RecordQueryRequest = Type.Object(
  {
    filter: Type.Optional(Type.Unknown({ description: 'A condition of the condition language' })),
    search: Type.Optional(Type.String({ maxLength: 200 })),
    sort: Type.Optional(Type.Array(SortKeySchema, { maxItems: 5 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
    after: Type.Optional(Type.String({ maxLength: 2000 })),
    fields: Type.Optional(Type.Array(Type.String({ maxLength: 63 }), { maxItems: 500 })),
    deleted: Type.Optional(Type.Union([Type.Literal('exclude'), Type.Literal('only')])),
    total: Type.Optional(Type.Boolean({ description: 'Count all matching records (default true)' })),
  },
  { additionalProperties: false, title: 'RecordQueryRequest' },
);

export const RecordListQuery = Type.Object(
  {
    filter: Type.Optional(Type.String({ maxLength: 20000, description: 'A condition as JSON' })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    sort: Type.Optional(
      Type.String({ maxLength: 400, description: 'Comma-separated field keys, "-" for descending: -amount,name' }),
    ),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
    offset: Type.Optional(Type.String({ pattern: '^[0-9]{1,8}$' })),
    after: Type.Optional(Type.String({ maxLength: 2000 })),
    fields: Type.Optional(Type.String({ maxLength: 4000 })),
    deleted: Type.Optional(Type.Union([Type.Literal('exclude'), Type.Literal('only')])),
    total: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  },
  { additionalProperties: false },
);

export const RecordPageResponse = Type.Object(
  {
    items: Type.Array(RecordResponse),
    total: Type.Union([Type.Integer(), Type.Null()]),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'RecordPage' },
);

export const BulkRecordsRequest = Type.Object(
  {
    create: Type.Optional(Type.Array(CreateRecordRequest, { maxItems: 5000 })),
    update: Type.Optional(
      Type.Array(
        Type.Object(
          { id: UUID, version: Type.Integer({ minimum: 1 }), values: Values },
          { additionalProperties: false },
        ),
        { maxItems: 5000 },
      ),
    ),
    delete: Type.Optional(Type.Array(UUID, { maxItems: 5000, uniqueItems: true })),
  },
  { additionalProperties: false, minProperties: 1, title: 'BulkRecordsRequest' },
);

export const BulkRecordsResponse = Type.Object(
  { created: Type.Array(UUID), updated: Type.Array(UUID), deleted: Type.Array(UUID) },
  { title: 'BulkRecordsResult' },
);

export const UpsertRecordRequest = Type.Object(
  { matchField: Type.String({ pattern: '^[a-z_][a-z0-9_]{0,62}$' }), values: Values },
  { additionalProperties: false, title: 'UpsertRecordRequest' },
);

export const UpsertRecordResponse = Type.Object(
  { created: Type.Boolean(), record: RecordResponse },
  { title: 'UpsertResult' },
);

export const RecordHistoryEntry = Type.Object(
  {
    id: Type.Integer(),
    action: Type.String(),
    actorId: Type.Union([UUID, Type.Null()]),
    actorName: Type.Union([Type.String(), Type.Null()]),
    before: Type.Unknown(),
    after: Type.Unknown(),
    at: Type.String({ format: 'date-time' }),
  },
  { title: 'RecordHistoryEntry' },
);
