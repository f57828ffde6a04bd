import { Body, PipeTransform, Query } from '@nestjs/common';
import { ApiBody, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import type { Static, TSchema } from '@sinclair/typebox';
import { badRequest } from '../problem/problem.exception';
import { validateAgainst } from './schema-validator';

/** Validates request input against a JSON schema; bad input is a 400 naming every offending path. */
export class SchemaValidationPipe<S extends TSchema> implements PipeTransform<unknown, Static<S>> {
  constructor(
    private readonly schema: S,
    private readonly prefix: string,
  ) {}

  transform(value: unknown): Static<S> {
    const input = value === undefined && this.prefix === '/body' ? undefined : value;
    const errors = validateAgainst(this.schema, input, this.prefix);
    if (errors.length) throw badRequest('The request is invalid', errors);
    return input as Static<S>;
  }
}

/** `@ValidBody(Schema) body: Static<typeof Schema>` — validated body, and the schema documented in OpenAPI. */
export function ValidBody(schema: TSchema): ParameterDecorator {
  return Body(new SchemaValidationPipe(schema, '/body'));
}

export function ValidQuery(schema: TSchema): ParameterDecorator {
  return Query(new SchemaValidationPipe(schema, '/query'));
}

/** TypeBox schemas are JSON Schema: the same object validates the request and documents it. */
function asOpenApi(schema: TSchema): SchemaObject {
  return schema as unknown as SchemaObject;
}

export function ApiJsonBody(schema: TSchema): MethodDecorator {
  return ApiBody({ schema: asOpenApi(schema) });
}

export function ApiJsonResponse(status: number, schema: TSchema, description = 'Success'): MethodDecorator {
  return ApiResponse({ status, description, schema: asOpenApi(schema) });
}
