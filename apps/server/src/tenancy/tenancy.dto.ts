import { Type } from '@sinclair/typebox';

export const Locale = Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')]);

export const MeResponse = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    name: Type.String(),
    locale: Locale,
    isAdmin: Type.Boolean(),
    tenant: Type.Object({ id: Type.String({ format: 'uuid' }), slug: Type.String(), name: Type.String() }),
    departmentIds: Type.Array(Type.String({ format: 'uuid' })),
  },
  { title: 'Me' },
);

export const UserResponse = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    name: Type.String(),
    locale: Locale,
    isAdmin: Type.Boolean(),
    isActive: Type.Boolean(),
    managerId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    departmentIds: Type.Array(Type.String({ format: 'uuid' })),
  },
  { title: 'User' },
);

export const CreateUserRequest = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 8, maxLength: 1024 }),
    locale: Type.Optional(Locale),
    isAdmin: Type.Optional(Type.Boolean()),
    managerId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    departmentIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false, title: 'CreateUserRequest' },
);

/** Departments form a tree: each carries its parent and its depth; the list comes in tree order. */
export const DepartmentResponse = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    parentId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    depth: Type.Integer({ minimum: 0 }),
    memberCount: Type.Integer({ minimum: 0 }),
  },
  { title: 'Department' },
);

export const CreateDepartmentRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    parentId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  { additionalProperties: false, title: 'CreateDepartmentRequest' },
);

export const UpdateMeRequest = Type.Object(
  { locale: Type.Optional(Locale), name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false, minProperties: 1, title: 'UpdateMeRequest' },
);
