import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import type { ProblemError } from '../problem/problem-details';

const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: true });
addFormats(ajv);
const compiled = new WeakMap<object, ValidateFunction>();

function pointerOf(error: ErrorObject, prefix: string): string {
  const base = `${prefix}${error.instancePath}`;
  if (error.keyword === 'additionalProperties') return `${base}/${String(error.params.additionalProperty)}`;
  if (error.keyword === 'required') return `${base}/${String(error.params.missingProperty)}`;
  return base;
}

function messageOf(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return `Unknown field ${String(error.params.additionalProperty)}`;
  if (error.keyword === 'required') return `${String(error.params.missingProperty)} is required`;
  return error.message ?? 'is invalid';
}

/** Validates a value against a TypeBox (JSON) schema compiled once; returns problem errors with JSON pointers. */
export function validateAgainst(schema: TSchema, value: unknown, prefix: string): ProblemError[] {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => ({
    path: pointerOf(error, prefix),
    code: error.keyword,
    message: messageOf(error),
  }));
}
