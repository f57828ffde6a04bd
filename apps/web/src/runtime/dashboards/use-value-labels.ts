import { localizedText, type Locale } from '@tessera/schema';
import { useEffect, useState } from 'react';
import type { StoredReport } from '../../shared/charts/report-api';
import { valueLabelsOf, type ValueLabels } from '../../shared/charts/relabel-option';
import { loadForm, publishedDefinition } from '../../shared/widgets/fields/use-published-definition';

/** Per report, the labels of the choice values of the source-form fields it groups by (forms loaded once). */
export function useValueLabels(reports: readonly StoredReport[], locale: Locale): ReadonlyMap<string, ValueLabels> {
  const [labels, setLabels] = useState<ReadonlyMap<string, ValueLabels>>(new Map());
  const signature = reports.map((r) => `${r.key}:${r.version}`).join(',');
  useEffect(() => {
    let alive = true;
    Promise.all(
      reports.map(async (report): Promise<[string, ValueLabels]> => {
        const item = await loadForm(report.definition.source.form).catch(() => undefined);
        const form = item ? publishedDefinition(item) : null;
        const grouped = new Set([
          ...report.definition.dimensions.map((d) => d.field),
          ...(report.definition.funnel ? [report.definition.funnel.stageField] : []),
        ]);
        const fields = (form?.fields ?? [])
          .filter((f) => grouped.has(f.key) && 'options' in f && Array.isArray(f.options))
          .map((f) => ({
            options: ('options' in f && Array.isArray(f.options) ? f.options : []).map((o) => ({
              value: o.value,
              label: localizedText(o.label, locale),
            })),
          }));
        return [report.key, valueLabelsOf(fields)];
      }),
    )
      .then((entries) => alive && setLabels(new Map(entries)))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
    // the reports are identified by their signature
  }, [signature, locale]);
  return labels;
}
