import type { FieldDefinition, FormDefinition } from '@tessera/schema';

export interface FormChange {
  kind: 'added' | 'changed' | 'hidden';
  field: string;
  label: FieldDefinition['label'];
}

/** What a publish changes for users: fields added, fields whose settings changed, fields hidden (removed). */
export function formChanges(previous: FormDefinition | undefined, next: FormDefinition): FormChange[] {
  const before = new Map((previous?.fields ?? []).map((f) => [f.key, f]));
  const after = new Map(next.fields.map((f) => [f.key, f]));
  const changes: FormChange[] = [];
  for (const field of next.fields) {
    const old = before.get(field.key);
    if (!old) changes.push({ kind: 'added', field: field.key, label: field.label });
    else if (JSON.stringify(old) !== JSON.stringify(field))
      changes.push({ kind: 'changed', field: field.key, label: field.label });
  }
  for (const field of previous?.fields ?? []) {
    if (!after.has(field.key)) changes.push({ kind: 'hidden', field: field.key, label: field.label });
  }
  return changes;
}
