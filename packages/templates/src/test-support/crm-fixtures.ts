import { compile, queryableFieldsOf, type CompiledForm } from '@tessera/form-engine';
import type { ConditionContext } from '@tessera/query';
import type { ReportSources } from '@tessera/report-engine';
import type { FormDefinition } from '@tessera/schema';
import type { CrmFlowContext } from '../crm-flows';

export const FLOW_CONTEXT: CrmFlowContext = {
  salesDepartmentIds: ['00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000e2'],
  salesDirectorId: '00000000-0000-4000-8000-0000000000d1',
};

export const CTX: ConditionContext = {
  now: new Date('2025-06-15T04:00:00Z'),
  timeZone: 'Asia/Shanghai',
  userId: '00000000-0000-4000-8000-0000000000a1',
};

/** What the report compiler sees of the published forms (the server builds the same from the catalog). */
export function sourcesOf(forms: readonly FormDefinition[]): ReportSources {
  return {
    schema: 'tenant_test',
    forms: Object.fromEntries(
      forms.map((form) => [
        form.key,
        {
          key: form.key,
          table: form.key,
          fields: queryableFieldsOf(form.fields),
          relations: Object.fromEntries(
            form.fields.flatMap((f) =>
              f.type === 'relation' && !f.relation.multiple ? [[f.key, f.relation.form] as const] : [],
            ),
          ),
        },
      ]),
    ),
  };
}

export function compiled(forms: readonly FormDefinition[]): Map<string, CompiledForm> {
  return new Map(forms.map((f) => [f.key, compile(f)]));
}
