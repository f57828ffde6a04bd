import { PipeTransform } from '@nestjs/common';
import { badRequest } from '../problem/problem.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path parameter that must be a UUID: anything else is a 400 naming it, never a database error. */
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}
  transform(value: string): string {
    if (!UUID.test(value))
      throw badRequest(`${this.name} must be a UUID`, [
        { path: `/${this.name}`, code: 'format', message: 'Not a UUID' },
      ]);
    return value.toLowerCase();
  }
}

const KEY = /^[a-z_][a-z0-9_]{0,62}$/;

/** A path parameter that must be an identifier key (form key, field key). */
export class KeyParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}
  transform(value: string): string {
    if (!KEY.test(value))
      throw badRequest(`${this.name} must be a key`, [
        { path: `/${this.name}`, code: 'format', message: 'Not a valid key' },
      ]);
    return value;
  }
}
