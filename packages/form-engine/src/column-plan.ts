import type { FieldDefinition, FormDefinition } from '@tessera/schema';
import { moduleOf } from './field-type-registry';
import { SYSTEM_COLUMNS, type ColumnSpec } from './system-columns';

/** A foreign key of a column: to a form's table, or (no form) to the main table of the plan. */
export interface ColumnReference {
  form?: string;
  onDelete: 'set null' | 'cascade';
}

export interface PlannedColumn extends ColumnSpec {
  references?: ColumnReference;
}

/**
 * `table` in a step: absent = the form's own table; a field key = that field's child table.
 * Steps are data; render-ddl.ts turns them into SQL with quoted identifiers only.
 */
export type ColumnPlanStep =
  | { kind: 'create_table'; columns: PlannedColumn[] }
  | { kind: 'add_column'; table?: string; column: PlannedColumn }
  | { kind: 'alter_column_type'; table?: string; column: string; from: string; to: string }
  | { kind: 'drop_not_null'; table?: string; column: string }
  | { kind: 'create_index'; table?: string; column: string; method: 'btree' | 'gin' }
  | { kind: 'create_unique_index'; table?: string; column: string }
  | { kind: 'drop_unique_index'; table?: string; column: string }
  | { kind: 'create_child_table'; field: string; columns: PlannedColumn[] }
  | { kind: 'create_link_table'; field: string; targetForm: string };

export interface RefusedChange {
  path: string;
  message: string;
}

export interface ColumnPlan {
  steps: ColumnPlanStep[];
  refused: RefusedChange[];
}

/** Columns of every child table before its own fields. */
export const CHILD_TABLE_COLUMNS: readonly PlannedColumn[] = [
  { name: 'id', type: 'uuid', primaryKey: true, notNull: true, default: 'gen_random_uuid()' },
  { name: 'parent_id', type: 'uuid', notNull: true, references: { onDelete: 'cascade' } },
  { name: 'sort_index', type: 'integer', notNull: true, default: '0' },
];

const ARRAY_TYPE = /\[\]$|^jsonb$/;

/** The column a field owns in its table, if any. */
function columnOf(field: FieldDefinition): PlannedColumn | undefined {
  const module = moduleOf(field);
  if (module.storage(field) !== 'column') return undefined;
  const type = module.columnType(field);
  if (!type) return undefined;
  const column: PlannedColumn = { name: field.key, type };
  if (field.type === 'relation') column.references = { form: field.relation.form, onDelete: 'set null' };
  return column;
}

function wantsUnique(field: FieldDefinition): boolean {
  return field.unique === true || field.type === 'auto_number';
}

/** Index steps for a field that has (or gets) a column. */
function indexSteps(field: FieldDefinition, column: PlannedColumn, table: string | undefined): ColumnPlanStep[] {
  const steps: ColumnPlanStep[] = [];
  // uniqueness of sub-table cells is not a table-wide rule; only the main table gets unique indexes
  if (wantsUnique(field) && table === undefined) steps.push({ kind: 'create_unique_index', column: column.name });
  else if (field.indexed || (field.type === 'relation' && column.references))
    steps.push({
      kind: 'create_index',
      table,
      column: column.name,
      method: ARRAY_TYPE.test(column.type) ? 'gin' : 'btree',
    });
  return steps;
}

/** Everything a field needs when it appears for the first time. */
function newFieldSteps(field: FieldDefinition, table: string | undefined): ColumnPlanStep[] {
  const storage = moduleOf(field).storage(field);
  const column = columnOf(field);
  if (column) return [{ kind: 'add_column', table, column }, ...indexSteps(field, column, table)];
  if (storage === 'child-table' && field.type === 'sub_table') return childTableSteps(field);
  if (storage === 'link-table' && field.type === 'relation')
    return [{ kind: 'create_link_table', field: field.key, targetForm: field.relation.form }];
  return [];
}

function childTableSteps(field: FieldDefinition & { type: 'sub_table' }): ColumnPlanStep[] {
  const columns = field.fields.map(columnOf).filter((c): c is PlannedColumn => c !== undefined);
  const indexes = field.fields.flatMap((sub) => {
    const c = columnOf(sub);
    return c ? indexSteps(sub, c, field.key) : [];
  });
  return [{ kind: 'create_child_table', field: field.key, columns: [...CHILD_TABLE_COLUMNS, ...columns] }, ...indexes];
}

const NUMERIC = /^numeric(?:\((\d+),(\d+)\))?$/;

/** Type changes PostgreSQL can make without losing data; anything else is refused. */
function isWidening(from: string, to: string): boolean {
  const a = NUMERIC.exec(from);
  const b = NUMERIC.exec(to);
  if (from === 'smallint' && (b || to === 'integer')) return true;
  if (!a || !b) return false;
  if (!b[1]) return true; // numeric without limits holds anything numeric
  if (!a[1]) return false;
  const [p1, s1, p2, s2] = [a[1], a[2], b[1], b[2]].map(Number);
  return s2 >= s1 && p2 - s2 >= p1 - s1;
}

function compareField(
  prev: FieldDefinition,
  next: FieldDefinition,
  path: string,
  table: string | undefined,
  plan: ColumnPlan,
): void {
  const prevStorage = moduleOf(prev).storage(prev);
  const nextStorage = moduleOf(next).storage(next);
  const refuse = (why: string): void => {
    plan.refused.push({
      path,
      message: `Cannot change field "${next.key}" from ${prev.type} to ${next.type}: ${why}. Add a new field and convert the data instead.`,
    });
  };
  if (prevStorage !== nextStorage) return refuse(`its storage changes (${prevStorage} → ${nextStorage})`);
  if (prev.type === 'relation' && next.type === 'relation' && prev.relation.form !== next.relation.form)
    return refuse(`the related form changes (${prev.relation.form} → ${next.relation.form})`);

  const a = columnOf(prev);
  const b = columnOf(next);
  if (a && b) {
    if (a.type !== b.type) {
      if (isWidening(a.type, b.type))
        plan.steps.push({ kind: 'alter_column_type', table, column: b.name, from: a.type, to: b.type });
      else return refuse(`column type ${a.type} cannot become ${b.type}`);
    }
    if (!wantsUnique(prev) && wantsUnique(next) && table === undefined)
      plan.steps.push({ kind: 'create_unique_index', column: b.name });
    else if (wantsUnique(prev) && !wantsUnique(next) && table === undefined)
      plan.steps.push({ kind: 'drop_unique_index', column: b.name });
    if (!prev.indexed && next.indexed && !wantsUnique(next))
      plan.steps.push({
        kind: 'create_index',
        table,
        column: b.name,
        method: ARRAY_TYPE.test(b.type) ? 'gin' : 'btree',
      });
  }
  if (prev.type === 'sub_table' && next.type === 'sub_table')
    diffFields(prev.fields, next.fields, `${path}/fields`, next.key, plan);
}

function diffFields(
  prev: readonly FieldDefinition[],
  next: readonly FieldDefinition[],
  path: string,
  table: string | undefined,
  plan: ColumnPlan,
): void {
  const before = new Map(prev.map((f) => [f.key, f]));
  const after = new Set(next.map((f) => f.key));
  next.forEach((field, i) => {
    const old = before.get(field.key);
    if (old) compareField(old, field, `${path}/${i}`, table, plan);
    else plan.steps.push(...newFieldSteps(field, table));
  });
  // removed fields are hidden, not dropped: the column and its data stay until an explicit purge
  for (const old of prev) {
    if (after.has(old.key)) continue;
    const column = columnOf(old);
    if (column) plan.steps.push({ kind: 'drop_not_null', table, column: column.name });
  }
}

/**
 * The DDL steps that take the database from `previous` (absent: nothing) to `form`. Incompatible changes are
 * listed in `refused` instead of being planned; the caller refuses to publish while any exist.
 */
export function columnPlan(form: FormDefinition, previous?: FormDefinition): ColumnPlan {
  const plan: ColumnPlan = { steps: [], refused: [] };
  if (!previous) {
    const columns: PlannedColumn[] = SYSTEM_COLUMNS.map(({ kind: _kind, ...c }) => c);
    const rest: ColumnPlanStep[] = [];
    for (const field of form.fields) {
      const column = columnOf(field);
      if (column) {
        columns.push(column);
        rest.push(...indexSteps(field, column, undefined));
      } else rest.push(...newFieldSteps(field, undefined));
    }
    plan.steps.push(
      { kind: 'create_table', columns },
      // data scopes ("my records") and default sorting
      { kind: 'create_index', column: 'owner_id', method: 'btree' },
      { kind: 'create_index', column: 'created_at', method: 'btree' },
      ...rest,
    );
    return plan;
  }
  if (previous.key !== form.key)
    plan.refused.push({ path: '/key', message: `A form key cannot change (${previous.key} → ${form.key})` });
  diffFields(previous.fields, form.fields, '/fields', undefined, plan);
  return plan;
}
