import { validateFormDefinition, type FormDefinition, type MetadataIssue } from '@tessera/schema';

/** The live validation of the draft: every issue, and the issues of each field (`key` or `subTable.column`). */
export interface DesignerIssues {
  all: readonly MetadataIssue[];
  byField: ReadonlyMap<string, readonly MetadataIssue[]>;
  /** Issues that belong to no field (linkage, title field…). */
  form: readonly MetadataIssue[];
}

export const NO_ISSUES: DesignerIssues = { all: [], byField: new Map(), form: [] };

/** `a.b` for a sub-table column, `a` for a field. */
export function issueKey(key: string, sub?: string): string {
  return sub === undefined ? key : `${key}.${sub}`;
}

/** The field an issue path (`/fields/3/options/0/value`, `/fields/2/fields/0/key`) points at. */
export function fieldOfPath(definition: FormDefinition, path: string): string | undefined {
  const match = /^\/fields\/(\d+)(?:\/fields\/(\d+))?/.exec(path);
  if (!match) return undefined;
  const field = definition.fields[Number(match[1])];
  if (!field) return undefined;
  if (match[2] === undefined || field.type !== 'sub_table') return field.key;
  const column = field.fields[Number(match[2])];
  return column ? issueKey(field.key, column.key) : field.key;
}

/** Groups issues (from the live validation or from the server, with its `/draft` prefix) by field. */
export function groupIssues(definition: FormDefinition, issues: readonly MetadataIssue[]): DesignerIssues {
  const byField = new Map<string, MetadataIssue[]>();
  const form: MetadataIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.replace(/^\/draft/, '');
    const key = fieldOfPath(definition, path);
    if (key === undefined) form.push(issue);
    else byField.set(key, [...(byField.get(key) ?? []), { ...issue, path }]);
    // a column's problem is also shown on its sub-table card
    const parent = key?.split('.')[0];
    if (parent !== undefined && parent !== key)
      byField.set(parent, [...(byField.get(parent) ?? []), { ...issue, path }]);
  }
  return { all: issues, byField, form };
}

/** Runs the shared metadata validation (the server runs the same one when publishing). */
export function validateDraft(definition: FormDefinition, knownForms: ReadonlySet<string>): DesignerIssues {
  const issues = validateFormDefinition(definition, {
    formExists: knownForms.size > 0 ? (key) => knownForms.has(key) : undefined,
  });
  return groupIssues(definition, issues);
}
