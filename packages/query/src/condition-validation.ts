import {
  CONDITION_OPERATORS,
  type ConditionOperator,
  type QueryableField,
  VALUE_KINDS,
  type ValueKind,
} from '@tessera/schema';
import { isBuiltinContextVariable } from './condition-context';
import type { ConditionIssue } from './condition-errors';
import { isArrayKind, isOperatorAllowed, operandShape, operatorsForKind } from './operators-by-kind';
import { parseRelativePeriod } from './relative-period';
import { codecFor } from './value-codecs';

/** Deepest allowed nesting of and/or/not groups; bounds recursion on hostile input too. */
export const MAX_CONDITION_DEPTH = 20;
export const MAX_CONDITION_RULES = 500;

/** Which value kinds each built-in variable can stand for (custom vars are only known at run time). */
const BUILTIN_VARIABLE_KINDS: Record<string, readonly ValueKind[]> = {
  me: ['uuid', 'uuid_array'],
  my_department: ['uuid', 'uuid_array'],
  today: ['date'],
  now: ['datetime'],
};

const KIND_LABELS: Record<ValueKind, string> = {
  text: 'text string',
  number: 'finite number',
  date: "date 'YYYY-MM-DD'",
  datetime: "ISO date-time with an offset ('2024-05-01T09:30:00+08:00')",
  time: "time 'HH:MM[:SS]'",
  boolean: 'boolean',
  text_array: 'text string',
  uuid: 'UUID',
  uuid_array: 'UUID',
  json: 'JSON value',
};

interface Walk {
  fields: Map<string, QueryableField>;
  issues: ConditionIssue[];
  rules: number;
}

/**
 * Checks a condition document against the fields it may use. Returns every issue found (empty = valid);
 * never throws, whatever `condition` is.
 */
export function validateCondition(condition: unknown, fields: readonly QueryableField[]): ConditionIssue[] {
  const walk: Walk = { fields: new Map(), issues: [], rules: 0 };
  for (const field of fields) if (!walk.fields.has(field.key)) walk.fields.set(field.key, field);
  visitNode(walk, condition, '', 0);
  if (walk.rules > MAX_CONDITION_RULES)
    walk.issues.push({
      path: '',
      code: 'too_many_rules',
      message: `A condition may hold at most ${MAX_CONDITION_RULES} rules (this one has ${walk.rules})`,
    });
  return walk.issues;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function visitNode(walk: Walk, node: unknown, path: string, depth: number): void {
  const issue = (code: string, message: string, at = path) => walk.issues.push({ path: at, code, message });
  if (!isPlainObject(node)) {
    issue('invalid_node', 'Expected an object: {and: […]}, {or: […]}, {not: …} or a rule {field, op, value}');
    return;
  }
  const group = (['and', 'or', 'not'] as const).find((key) => key in node);
  if (group) {
    const extra = Object.keys(node).filter((key) => key !== group);
    for (const key of extra)
      issue('unknown_property', `A ${group} group has no property ${JSON.stringify(key)}`, `${path}/${key}`);
    if (depth + 1 > MAX_CONDITION_DEPTH) {
      issue('too_deep', `Groups may be nested at most ${MAX_CONDITION_DEPTH} levels deep`);
      return;
    }
    const children = node[group];
    if (group === 'not') {
      visitNode(walk, children, `${path}/not`, depth + 1);
    } else if (!Array.isArray(children)) {
      issue('invalid_node', `${group} must be an array of conditions`, `${path}/${group}`);
    } else {
      children.forEach((child, i) => visitNode(walk, child, `${path}/${group}/${i}`, depth + 1));
    }
    return;
  }
  if ('field' in node || 'op' in node) {
    walk.rules += 1;
    visitRule(walk, node, path);
    return;
  }
  issue('invalid_node', 'Expected an object: {and: […]}, {or: […]}, {not: …} or a rule {field, op, value}');
}

function visitRule(walk: Walk, rule: Record<string, unknown>, path: string): void {
  const issue = (code: string, message: string, at: string) => walk.issues.push({ path: at, code, message });
  for (const key of Object.keys(rule))
    if (key !== 'field' && key !== 'op' && key !== 'value')
      issue('unknown_property', `A rule has no property ${JSON.stringify(key)}`, `${path}/${key}`);

  const field = typeof rule.field === 'string' ? walk.fields.get(rule.field) : undefined;
  if (!field) issue('unknown_field', `Unknown field ${JSON.stringify(rule.field)}`, `${path}/field`);
  else if (!(VALUE_KINDS as readonly string[]).includes(field.kind))
    issue('unknown_field', `Field ${JSON.stringify(field.key)} has an unknown value kind`, `${path}/field`);

  const op = (CONDITION_OPERATORS as readonly unknown[]).includes(rule.op) ? (rule.op as ConditionOperator) : undefined;
  if (!op) {
    issue('unknown_operator', `Unknown operator ${JSON.stringify(rule.op)}`, `${path}/op`);
    return;
  }
  if (!field || !(VALUE_KINDS as readonly string[]).includes(field.kind)) return;
  if (!isOperatorAllowed(field.kind, op)) {
    issue(
      'operator_not_allowed',
      `Operator ${op} does not apply to ${field.kind} field ${JSON.stringify(field.key)} (allowed: ${operatorsForKind(field.kind).join(', ')})`,
      `${path}/op`,
    );
    return;
  }
  visitValue(walk, field.kind, op, rule.value, `${path}/value`);
}

function visitValue(walk: Walk, kind: ValueKind, op: ConditionOperator, value: unknown, path: string): void {
  const issue = (code: string, message: string, at = path) => walk.issues.push({ path: at, code, message });
  const shape = operandShape(kind, op);
  if (shape === 'none') {
    if (value !== undefined && value !== null) issue('unexpected_value', `${op} takes no value`);
    return;
  }
  if (value === undefined) {
    issue('missing_value', `${op} needs a value`);
    return;
  }
  if (isVariable(value)) {
    checkVariable(walk, kind, value, path);
    return;
  }
  switch (shape) {
    case 'period':
      if (!parseRelativePeriod(value))
        issue(
          'invalid_period',
          "Expected a relative period: {period: 'this_month'}, {period: 'last_n_days', n: 7} or 'last_7_days'",
        );
      return;
    case 'pair':
      if (!Array.isArray(value) || value.length !== 2) {
        issue('between_needs_two', 'between needs exactly two values: [low, high]');
        return;
      }
      value.forEach((operand, i) => visitOperand(walk, kind, operand, `${path}/${i}`, true));
      return;
    case 'list':
      if (!Array.isArray(value)) {
        issue('in_needs_array', `${op} needs an array of values`);
        return;
      }
      value.forEach((operand, i) => visitOperand(walk, kind, operand, `${path}/${i}`, false));
      return;
    case 'singleOrList':
      if (Array.isArray(value)) value.forEach((operand, i) => visitOperand(walk, kind, operand, `${path}/${i}`, false));
      else visitOperand(walk, kind, value, path, false);
      return;
    case 'single':
      visitOperand(walk, kind, value, path, false);
      return;
  }
}

function visitOperand(walk: Walk, kind: ValueKind, operand: unknown, path: string, variablesAllowed: boolean): void {
  if (variablesAllowed && isVariable(operand)) {
    checkVariable(walk, kind, operand, path);
    return;
  }
  if (operand === null) {
    walk.issues.push({
      path,
      code: 'null_value',
      message: 'null is not a value to compare with: use isEmpty / isNotEmpty',
    });
    return;
  }
  const codec = codecFor(kind);
  if (!codec || codec.fromOperand(operand) === undefined)
    walk.issues.push({ path, code: 'invalid_value', message: `Expected a ${KIND_LABELS[kind]}` });
}

function isVariable(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && '$var' in value;
}

function checkVariable(walk: Walk, kind: ValueKind, value: Record<string, unknown>, path: string): void {
  const name = value.$var;
  if (typeof name !== 'string' || name === '' || Object.keys(value).length !== 1) {
    walk.issues.push({
      path,
      code: 'invalid_variable',
      message: "A context value is {$var: 'name'} with a non-empty name",
    });
    return;
  }
  if (isBuiltinContextVariable(name) && !BUILTIN_VARIABLE_KINDS[name].includes(kind))
    walk.issues.push({
      path,
      code: 'variable_kind_mismatch',
      message: `{$var: '${name}'} cannot be compared with a ${kind}${isArrayKind(kind) ? '' : ' field'}`,
    });
}
