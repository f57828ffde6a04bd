import type { ReportScope } from '@tessera/report-engine';
import type { ReportDefinition } from '@tessera/schema';
import type { AuthPrincipal } from '../auth/auth-principal';
import { ProblemException } from '../common/problem/problem.exception';
import type { RecordAccess, RecordAccessPolicy, RecordAction } from '../records/record-access.policy';
import { withSystemColumns, type LoadedSources } from './report-sources.loader';

export interface ReportAccess {
  scope: ReportScope;
  /** What the user may do with the source form's records (export needs `export`). */
  actions: ReadonlySet<RecordAction>;
}

/**
 * The user's access to the forms a report reads, as a ReportScope enforced inside the SQL: the data scope of the
 * source (and target) form AND-ed in, and the readable fields — a relation path `customer.region` is readable
 * when `customer` is readable on the source form and `region` on the customer form.
 */
export async function reportAccessFor(
  policy: RecordAccessPolicy,
  principal: AuthPrincipal,
  report: ReportDefinition,
  loaded: LoadedSources,
): Promise<ReportAccess> {
  const accessOf = async (key: string): Promise<RecordAccess | undefined> => {
    const form = loaded.forms.get(key);
    return form ? policy.accessFor(principal, form) : undefined;
  };
  const source = await accessOf(report.source.form);
  if (!source?.actions.has('read'))
    throw new ProblemException(403, `You may not read the records of ${report.source.form}`, [
      { path: '/definition/source/form', code: 'forbidden', message: 'No read access to this form' },
    ]);
  const target = report.target ? await accessOf(report.target.targetForm) : undefined;
  if (report.target && !target?.actions.has('read'))
    throw new ProblemException(403, `You may not read the records of ${report.target.targetForm}`, [
      { path: '/definition/target/targetForm', code: 'forbidden', message: 'No read access to this form' },
    ]);

  const joined = new Map<string, RecordAccess | undefined>();
  for (const [prefix, formKey] of loaded.joined) joined.set(prefix, await accessOf(formKey));
  const restricted = source.readable !== null || [...joined.values()].some((a) => a?.readable);
  let readableFields: Set<string> | undefined;
  if (restricted) {
    const keysOf = (formKey: string, access: RecordAccess | undefined): string[] => {
      if (access?.readable) return [...access.readable];
      return withSystemColumns(loaded.sources.forms[formKey]?.fields ?? []).map((f) => f.key);
    };
    readableFields = new Set(keysOf(report.source.form, source));
    for (const [prefix, formKey] of loaded.joined) {
      // a path is only readable through readable relation steps; assertReadable checks every prefix
      for (const key of keysOf(formKey, joined.get(prefix))) readableFields.add(`${prefix}.${key}`);
    }
  }
  return {
    scope: {
      condition: source.scope ?? undefined,
      readableFields,
      targetCondition: target?.scope ?? undefined,
    },
    actions: source.actions,
  };
}
