import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  dashboardDefinitionSchema,
  reportConditionSchema,
  reportDefinitionSchema,
  type DashboardDefinition,
  type ReportDefinition,
} from '@tessera/schema';
import { badRequest } from '../common/problem/problem.exception';
import type { ProblemError } from '../common/problem/problem-details';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(reportConditionSchema);
const validateReport: ValidateFunction = ajv.compile(reportDefinitionSchema);
const validateDashboard: ValidateFunction = ajv.compile(dashboardDefinitionSchema);
const validateConditionShape: ValidateFunction = ajv.getSchema(reportConditionSchema.$id) as ValidateFunction;

function pointerOf(error: ErrorObject, prefix: string): string {
  const base = `${prefix}${error.instancePath}`;
  if (error.keyword === 'additionalProperties') return `${base}/${String(error.params.additionalProperty)}`;
  if (error.keyword === 'required') return `${base}/${String(error.params.missingProperty)}`;
  return base;
}

/**
 * Problems with JSON pointers under `prefix`. A condition is a oneOf of four shapes, so a bad rule makes every
 * branch complain; the deepest paths come first because they name the actual mistake.
 */
function problemsOf(errors: ErrorObject[] | null | undefined, prefix: string): ProblemError[] {
  const seen = new Set<string>();
  const out: ProblemError[] = [];
  for (const error of errors ?? []) {
    if (error.keyword === 'oneOf' || error.keyword === 'if') continue;
    const item = { path: pointerOf(error, prefix), code: error.keyword, message: error.message ?? 'is invalid' };
    const id = `${item.path}|${item.code}|${item.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(item);
  }
  if (out.length === 0 && errors?.length) out.push({ path: prefix, code: 'invalid', message: 'is invalid' });
  return out.sort((a, b) => b.path.split('/').length - a.path.split('/').length);
}

/** A report definition checked against the meta-schema; 400 naming each path under `prefix` otherwise. */
export function assertReportDefinition(value: unknown, prefix: string): ReportDefinition {
  if (!validateReport(value))
    throw badRequest('The report definition is invalid', problemsOf(validateReport.errors, prefix));
  return value as ReportDefinition;
}

export function assertDashboardDefinition(value: unknown, prefix: string): DashboardDefinition {
  if (!validateDashboard(value))
    throw badRequest('The dashboard definition is invalid', problemsOf(validateDashboard.errors, prefix));
  return value as DashboardDefinition;
}

/** The structure of a condition (its meaning against the form's fields is checked by @tessera/query). */
export function conditionShapeIssues(value: unknown, prefix: string): ProblemError[] {
  return validateConditionShape(value) ? [] : problemsOf(validateConditionShape.errors, prefix);
}
