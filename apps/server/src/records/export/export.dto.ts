import { Type } from '@sinclair/typebox';

export const ExportQuery = Type.Object(
  {
    format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { description: 'Default csv' })),
    view: Type.Optional(Type.String({ format: 'uuid', description: 'A saved view: its filter, sort and columns' })),
    filter: Type.Optional(
      Type.String({ maxLength: 20000, description: "A condition as JSON, AND-ed with the view's" }),
    ),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    sort: Type.Optional(Type.String({ maxLength: 400, description: 'Comma-separated keys, "-" for descending' })),
    fields: Type.Optional(Type.String({ maxLength: 4000, description: 'Comma-separated field keys (the columns)' })),
    locale: Type.Optional(
      Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')], {
        description: 'Language of the headers and the value formats (default zh-CN)',
      }),
    ),
  },
  { additionalProperties: false },
);
