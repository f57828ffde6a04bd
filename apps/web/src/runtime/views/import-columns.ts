import { moduleOf } from '@tessera/form-engine';
import { localizedText, type FieldDefinition, type FormDefinition } from '@tessera/schema';
import { isWritable } from '../record-form/form-values';

/** Fields a file can fill (the server's rule): writable, and not a sub-table. */
export function importableFields(definition: FormDefinition): FieldDefinition[] {
  return definition.fields.filter((f) => isWritable(f) && moduleOf(f).storage(f) !== 'child-table');
}

/** Unique fields that can match existing rows (upsert). */
export function upsertCandidates(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((f) => f.unique === true || f.type === 'auto_number');
}

const normal = (s: string) => s.trim().toLowerCase();

/** Column header → field key by key or label in either language (the first field wins, each field once). */
export function autoMapping(headers: readonly string[], fields: readonly FieldDefinition[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  const used = new Set<string>();
  for (const header of headers) {
    const h = normal(header);
    if (!h) continue;
    const field = fields.find(
      (f) =>
        !used.has(f.key) &&
        (normal(f.key) === h ||
          normal(localizedText(f.label, 'zh-CN')) === h ||
          normal(localizedText(f.label, 'en-US')) === h),
    );
    if (field) {
      mapping[header] = field.key;
      used.add(field.key);
    }
  }
  return mapping;
}

/** Decodes the start of a file: UTF-8 (with or without BOM), else GBK (CSV saved by a Chinese Excel). */
function decode(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    try {
      return new TextDecoder('gbk').decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}

/** The header row of a CSV text (quoted cells, doubled quotes, newlines inside quotes). */
export function csvHeaderRow(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell.trim());
      cell = '';
    } else if (c === '\n' || c === '\r') break;
    else cell += c;
  }
  cells.push(cell.trim());
  return cells.filter((h, i, all) => h !== '' && all.indexOf(h) === i);
}

/** The headers of a CSV file, read in the browser (the first 64 KB are enough for any header row). */
export async function csvHeaders(file: Blob): Promise<string[]> {
  const bytes = await file.slice(0, 64 * 1024).arrayBuffer();
  return csvHeaderRow(decode(bytes));
}
