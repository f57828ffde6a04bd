import type { FileField } from '@tessera/schema';
import type { FieldTypeModule, JsonSchema } from '../field-type-module';
import { operatorsForKind } from '../value-kind-operators';
import { isEmptyInput, ok, plainText, uuidSchema } from './module-helpers';

/** Structured values kept as jsonb: they are shown and exported, only filtered by empty / not empty. */
function jsonParse(input: unknown) {
  if (isEmptyInput(input)) return ok(null);
  if (typeof input === 'string') {
    try {
      return ok(JSON.parse(input));
    } catch {
      return { ok: false, code: 'invalid_format' } as const;
    }
  }
  return ok(input);
}

const shortText = { type: 'string', maxLength: 500 };

export const regionField: FieldTypeModule<'region'> = {
  type: 'region',
  group: 'advanced',
  widget: 'region-picker',
  valueKind: () => 'json',
  storage: () => 'column',
  columnType: () => 'jsonb',
  valueSchema(field) {
    const level = field.level ?? 'district';
    const required = ['province', 'city', 'district', 'address'].slice(
      0,
      ['province', 'city', 'district', 'address'].indexOf(level) + 1,
    );
    return {
      type: 'object',
      required,
      properties: {
        province: shortText,
        city: shortText,
        district: shortText,
        address: shortText,
        code: { type: 'string', maxLength: 20 },
      },
      additionalProperties: false,
    };
  },
  parse(input) {
    if (typeof input !== 'string') return jsonParse(input);
    if (input.trim().startsWith('{')) return jsonParse(input);
    // '广东省/深圳市/南山区' or '广东省 深圳市 南山区'
    const [province, city, district, ...rest] = input.split(/[/\s]+/).filter((s) => s !== '');
    if (!province) return ok(null);
    const value: Record<string, string> = { province };
    if (city) value.city = city;
    if (district) value.district = district;
    if (rest.length) value.address = rest.join(' ');
    return ok(value);
  },
  format(value) {
    if (typeof value !== 'object' || value === null) return plainText(value);
    const v = value as Record<string, unknown>;
    return ['province', 'city', 'district', 'address']
      .map((k) => v[k])
      .filter((x): x is string => typeof x === 'string' && x !== '')
      .join(' ');
  },
  operators: () => operatorsForKind('json'),
  messages: {},
};

export const locationField: FieldTypeModule<'location'> = {
  type: 'location',
  group: 'advanced',
  widget: 'location-picker',
  valueKind: () => 'json',
  storage: () => 'column',
  columnType: () => 'jsonb',
  valueSchema: () => ({
    type: 'object',
    required: ['lat', 'lng'],
    properties: {
      lat: { type: 'number', minimum: -90, maximum: 90 },
      lng: { type: 'number', minimum: -180, maximum: 180 },
      address: shortText,
    },
    additionalProperties: false,
  }),
  parse(input) {
    if (typeof input === 'string') {
      const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(input);
      if (m) return ok({ lat: Number(m[1]), lng: Number(m[2]) });
    }
    return jsonParse(input);
  },
  format(value) {
    if (typeof value !== 'object' || value === null) return plainText(value);
    const v = value as { lat?: unknown; lng?: unknown; address?: unknown };
    return typeof v.address === 'string' ? v.address : `${String(v.lat)}, ${String(v.lng)}`;
  },
  operators: () => operatorsForKind('json'),
  messages: {},
};

function fileSchema(field: FileField | undefined, mimePattern?: string): JsonSchema {
  const size: JsonSchema = { type: 'integer', minimum: 0 };
  if (field?.maxFileSize !== undefined) size.maximum = field.maxFileSize;
  return {
    type: 'object',
    required: ['id', 'name'],
    properties: {
      id: uuidSchema,
      name: { type: 'string', minLength: 1, maxLength: 255 },
      size,
      mimeType: mimePattern ? { type: 'string', pattern: mimePattern } : { type: 'string', maxLength: 255 },
      url: { type: 'string', maxLength: 2000 },
    },
    additionalProperties: false,
  };
}

function fileModule(
  type: 'image' | 'attachment',
  widget: string,
): Omit<FieldTypeModule<'image' | 'attachment'>, 'type'> {
  return {
    group: 'advanced',
    widget,
    valueKind: () => 'json',
    storage: () => 'column',
    columnType: () => 'jsonb',
    valueSchema(field) {
      const schema: JsonSchema = { type: 'array', items: fileSchema(field, type === 'image' ? '^image/' : undefined) };
      if (field.maxFiles !== undefined) schema.maxItems = field.maxFiles;
      return schema;
    },
    parse: jsonParse,
    format: (value) =>
      Array.isArray(value)
        ? value
            .map((f) => (typeof f === 'object' && f !== null ? plainText((f as { name?: unknown }).name) : ''))
            .join(', ')
        : plainText(value),
    operators: () => operatorsForKind('json'),
    messages: {
      too_many: { 'zh-CN': '{label}最多上传{limit}个文件', 'en-US': '{label} allows at most {limit} files' },
    },
  };
}

export const imageField: FieldTypeModule<'image'> = { type: 'image', ...fileModule('image', 'image-upload') };
export const attachmentField: FieldTypeModule<'attachment'> = {
  type: 'attachment',
  ...fileModule('attachment', 'file-upload'),
};

/** A handwritten signature: the stored image file. */
export const signatureField: FieldTypeModule<'signature'> = {
  type: 'signature',
  group: 'advanced',
  widget: 'signature-pad',
  valueKind: () => 'json',
  storage: () => 'column',
  columnType: () => 'jsonb',
  valueSchema: () => fileSchema(undefined, '^image/'),
  parse: jsonParse,
  format: (value) => (value ? '✍' : ''),
  operators: () => operatorsForKind('json'),
  messages: {},
};
