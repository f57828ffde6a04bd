import { Type } from '@sinclair/typebox';

const KEY = Type.String({
  pattern: '^[a-z_][a-z0-9_]{0,62}$',
  description: 'Identifier: lower-case letters, digits, _',
});
export const LocalizedName = Type.Union([
  Type.String({ minLength: 1, maxLength: 200 }),
  Type.Object(
    {
      'zh-CN': Type.Optional(Type.String({ maxLength: 200 })),
      'en-US': Type.Optional(Type.String({ maxLength: 200 })),
    },
    { additionalProperties: false, minProperties: 1 },
  ),
]);

export const CreateAppRequest = Type.Object(
  {
    key: KEY,
    name: LocalizedName,
    icon: Type.Optional(Type.String({ maxLength: 64 })),
    color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
  },
  { additionalProperties: false, title: 'CreateAppRequest' },
);

export const UpdateAppRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version the app was read at (optimistic concurrency)' }),
    name: Type.Optional(LocalizedName),
    icon: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    color: Type.Optional(Type.Union([Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }), Type.Null()])),
    sortIndex: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false, title: 'UpdateAppRequest' },
);

export const FormSummary = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    key: Type.String(),
    name: LocalizedName,
    publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
  },
  { title: 'FormSummary' },
);

export const AppResponse = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    key: Type.String(),
    name: LocalizedName,
    icon: Type.Union([Type.String(), Type.Null()]),
    color: Type.Union([Type.String(), Type.Null()]),
    sortIndex: Type.Integer(),
    version: Type.Integer(),
    forms: Type.Array(FormSummary),
  },
  { title: 'App' },
);
