import { moduleOf, SYSTEM_FIELD_COLUMN } from '@tessera/form-engine';
import type {
  FieldDefinition,
  FileField,
  FormDefinition,
  LookupField,
  RelationField,
  RollupField,
  SubTableField,
} from '@tessera/schema';

/** The fields of a form sorted by where their values live, computed once per published version. */
export interface RecordFieldPlan {
  /** Fields with their own column in the record table (including formulas and auto-numbers). */
  columns: FieldDefinition[];
  /** Fields that show a system column (created_by → "created_by", owner → "owner_id"). */
  system: { field: FieldDefinition; column: string }[];
  subTables: SubTableField[];
  /** Multi relations, stored in a link table. */
  links: RelationField[];
  singleRelations: RelationField[];
  lookups: LookupField[];
  rollups: RollupField[];
  /** Member / department / owner-like columns whose ids are shown with names. */
  people: { key: string; column: string; kind: 'user' | 'department'; multiple: boolean }[];
  autoNumbers: (FieldDefinition & { type: 'auto_number' })[];
  /** Image and attachment columns: lists of uploaded file metadata whose ids point at `files` rows. */
  files: FileField[];
  /** Keys a client may write (not computed, not layout, not system). */
  writable: Set<string>;
}

const planCache = new WeakMap<FormDefinition, RecordFieldPlan>();

export function recordFieldPlan(form: FormDefinition): RecordFieldPlan {
  const cached = planCache.get(form);
  if (cached) return cached;
  const plan: RecordFieldPlan = {
    columns: [],
    system: [],
    subTables: [],
    links: [],
    singleRelations: [],
    lookups: [],
    rollups: [],
    people: [],
    autoNumbers: [],
    files: [],
    writable: new Set(),
  };
  for (const field of form.fields) {
    const module = moduleOf(field);
    const storage = module.storage(field);
    if (!module.computed && storage !== 'none' && storage !== 'system' && storage !== 'computed-at-read')
      plan.writable.add(field.key);
    switch (storage) {
      case 'column':
        plan.columns.push(field);
        if (field.type === 'relation') plan.singleRelations.push(field);
        if (field.type === 'auto_number') plan.autoNumbers.push(field);
        if (field.type === 'image' || field.type === 'attachment') plan.files.push(field);
        if (field.type === 'member' || field.type === 'department') {
          plan.people.push({
            key: field.key,
            column: field.key,
            kind: field.type === 'member' ? 'user' : 'department',
            multiple: field.multiple === true,
          });
        }
        break;
      case 'system': {
        const column = SYSTEM_FIELD_COLUMN[field.type];
        if (column) {
          plan.system.push({ field, column });
          if (column !== 'created_at' && column !== 'updated_at')
            plan.people.push({ key: field.key, column, kind: 'user', multiple: false });
        }
        break;
      }
      case 'child-table':
        if (field.type === 'sub_table') plan.subTables.push(field);
        break;
      case 'link-table':
        if (field.type === 'relation') plan.links.push(field);
        break;
      case 'computed-at-read':
        if (field.type === 'lookup') plan.lookups.push(field);
        if (field.type === 'rollup') plan.rollups.push(field);
        break;
      case 'none':
        break;
    }
  }
  planCache.set(form, plan);
  return plan;
}
