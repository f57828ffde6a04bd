import { Type } from '@sinclair/typebox';

const KEY = Type.String({ pattern: '^[a-z_][a-z0-9_]{0,62}$' });

/**
 * A form definition as JSON. Its full structure is checked by the form engine's meta-schema
 * (validateFormDefinition), which answers with paths into the definition.
 */
export const FormDefinitionSchema = Type.Object(
  {
    key: KEY,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    fields: Type.Array(Type.Object({}, { additionalProperties: true }), { maxItems: 1000 }),
    layout: Type.Optional(Type.Object({}, { additionalProperties: true })),
    titleField: Type.Optional(Type.String()),
    linkage: Type.Optional(Type.Array(Type.Object({}, { additionalProperties: true }))),
  },
  { additionalProperties: false, title: 'FormDefinition' },
);

export const CreateFormRequest = Type.Object(
  {
    key: KEY,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    fields: Type.Optional(Type.Array(Type.Object({}, { additionalProperties: true }), { maxItems: 1000 })),
  },
  { additionalProperties: false, title: 'CreateFormRequest' },
);

export const SaveDraftRequest = Type.Object(
  {
    revision: Type.Integer({ minimum: 1, description: 'The draft revision the editor started from (409 when stale)' }),
    definition: FormDefinitionSchema,
  },
  { additionalProperties: false, title: 'SaveDraftRequest' },
);

export const PublishRequest = Type.Object(
  { revision: Type.Integer({ minimum: 1, description: 'The draft revision being published (409 when stale)' }) },
  { additionalProperties: false, title: 'PublishRequest' },
);

export const PublicLinkRequest = Type.Object(
  { enabled: Type.Boolean() },
  { additionalProperties: false, title: 'PublicLinkRequest' },
);

export const FormResponse = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    appId: Type.String({ format: 'uuid' }),
    key: Type.String(),
    draft: FormDefinitionSchema,
    draftRevision: Type.Integer(),
    publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
    published: Type.Union([FormDefinitionSchema, Type.Null()]),
    publicToken: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'Form' },
);

export const FormChange = Type.Object(
  {
    kind: Type.Union([Type.Literal('added'), Type.Literal('changed'), Type.Literal('hidden')]),
    field: Type.String(),
    label: Type.Unknown(),
  },
  { title: 'FormChange' },
);

export const PublishPreview = Type.Object(
  {
    fromVersion: Type.Union([Type.Integer(), Type.Null()]),
    changes: Type.Array(FormChange),
    ddl: Type.Array(Type.String()),
    refused: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
    issues: Type.Array(Type.Object({ path: Type.String(), code: Type.String(), message: Type.String() })),
  },
  { title: 'PublishPreview' },
);

export const FormVersionResponse = Type.Object(
  {
    version: Type.Integer(),
    definition: FormDefinitionSchema,
    ddl: Type.Array(Type.String()),
    publishedAt: Type.String({ format: 'date-time' }),
    publishedBy: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  },
  { title: 'FormVersion' },
);
