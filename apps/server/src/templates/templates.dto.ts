import { Type } from '@sinclair/typebox';

export const InstallCrmRequest = Type.Object(
  {
    sampleData: Type.Optional(
      Type.Boolean({ description: 'Also create the demo sales team and ~18,000 sample records' }),
    ),
    locale: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')])),
  },
  { additionalProperties: false, title: 'InstallCrmRequest' },
);

export const InstallCrmResponse = Type.Object(
  {
    appId: Type.String({ format: 'uuid' }),
    locale: Type.String(),
    forms: Type.Integer(),
    reports: Type.Integer(),
    dashboards: Type.Integer(),
    flows: Type.Integer(),
    users: Type.Integer(),
    records: Type.Record(Type.String(), Type.Integer()),
    ms: Type.Integer(),
  },
  { title: 'InstallCrmResponse' },
);
