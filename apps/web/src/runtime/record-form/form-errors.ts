import {
  errorFor,
  fieldAtPath,
  VALIDATION_CODES,
  type ValidationCode,
  type ValidationError,
} from '@tessera/form-engine';
import type { FieldDefinition, Locale } from '@tessera/schema';

/** A server error of a problem document: where and why. */
export interface ServerFieldError {
  path: string;
  code: string;
  message: string;
}

/** Field errors by JSON pointer into the record ('/name', '/items/3/qty'), in the user's language. */
export type FormErrors = Record<string, string>;

const isValidationCode = (code: string): code is ValidationCode =>
  (VALIDATION_CODES as readonly string[]).includes(code);

export function clientErrors(errors: readonly ValidationError[], locale: Locale): FormErrors {
  const out: FormErrors = {};
  for (const e of errors) out[e.path] ??= locale === 'zh-CN' ? e.messageZh : e.message;
  return out;
}

/** '/body/values/items/3/qty' → '/items/3/qty'; null for errors that are not about a value. */
export function recordPointer(path: string): string | null {
  const at = path.indexOf('/values/');
  return at < 0 ? null : path.slice(at + '/values'.length);
}

/**
 * Server errors mapped onto the form: value errors by pointer (re-phrased in the user's language when the code is
 * a validation code the engine knows), the rest as form-level messages.
 */
export function mapServerErrors(
  errors: readonly ServerFieldError[],
  fields: readonly FieldDefinition[],
  locale: Locale,
): { fields: FormErrors; general: string[] } {
  const out: FormErrors = {};
  const general: string[] = [];
  for (const e of errors) {
    const pointer = recordPointer(e.path);
    if (!pointer) {
      general.push(e.message);
      continue;
    }
    const field = fieldAtPath(fields, pointer);
    if (field && isValidationCode(e.code)) {
      const localized = errorFor(field, pointer, e.code);
      out[pointer] ??= locale === 'zh-CN' ? localized.messageZh : localized.message;
    } else out[pointer] ??= e.message;
  }
  return { fields: out, general };
}

/** The errors below one field, relative to it ('/items/3/qty' → '/3/qty' for items). */
export function nestedErrorsOf(errors: FormErrors, key: string): FormErrors {
  const prefix = `/${key}/`;
  const out: FormErrors = {};
  for (const [path, message] of Object.entries(errors))
    if (path.startsWith(prefix)) out[path.slice(prefix.length - 1)] = message;
  return out;
}
