import { compile, type CompiledForm, type FieldState } from '@tessera/form-engine';
import type { ConditionContext } from '@tessera/query';
import type { FieldDefinition, FormDefinition } from '@tessera/schema';
import { useEffect, useMemo, useRef, useState } from 'react';
import { BROWSER_TIME_ZONE, isRecordObject } from '../../shared/widgets/fields/field-format';

type Values = Record<string, unknown>;

export function conditionContext(): ConditionContext {
  return { now: new Date(), timeZone: BROWSER_TIME_ZONE };
}

/** The definition compiled once (null with the reason when the definition is not valid, e.g. a draft). */
export function useCompiledForm(definition: FormDefinition): { compiled: CompiledForm | null; error: string | null } {
  return useMemo(() => {
    try {
      return { compiled: compile(definition), error: null };
    } catch (error) {
      return { compiled: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [definition]);
}

const hasRowFormulas = (f: FieldDefinition) => f.type === 'sub_table' && f.fields.some((c) => c.type === 'formula');

/** Formula results merged over the values: top-level formulas, and formula cells of sub-table rows. */
function mergeComputed(definition: FormDefinition, values: Values, computed: Values): Values {
  const out = { ...values };
  for (const f of definition.fields) {
    if (f.type === 'formula') out[f.key] = computed[f.key];
    else if (f.type === 'sub_table' && hasRowFormulas(f)) {
      const rows = values[f.key];
      const computedRows = computed[f.key];
      if (!Array.isArray(rows) || !Array.isArray(computedRows)) continue;
      const formulaKeys = f.fields.filter((c) => c.type === 'formula').map((c) => c.key);
      out[f.key] = rows.map((row, i) => {
        const done = computedRows[i];
        if (!isRecordObject(row) || !isRecordObject(done)) return row;
        return { ...row, ...Object.fromEntries(formulaKeys.map((k) => [k, done[k]])) };
      });
    }
  }
  return out;
}

/** The values with their formulas computed live (the last finished computation wins; typing never waits). */
export function useComputedValues(compiled: CompiledForm | null, definition: FormDefinition, values: Values): Values {
  const [computed, setComputed] = useState<Values>({});
  const sequence = useRef(0);
  const hasFormulas = useMemo(
    () => definition.fields.some((f) => f.type === 'formula' || hasRowFormulas(f)),
    [definition],
  );
  useEffect(() => {
    if (!compiled || !hasFormulas) return;
    const run = ++sequence.current;
    compiled
      .computeFormulas(values, conditionContext())
      .then((out) => run === sequence.current && setComputed(out))
      .catch(() => undefined); // a failing formula shows no value; the server reports it on save
  }, [compiled, hasFormulas, values]);
  return useMemo(
    () => (hasFormulas ? mergeComputed(definition, values, computed) : values),
    [hasFormulas, definition, values, computed],
  );
}

/** Visible / required / read-only of every field for the values right now. */
export function useLinkage(compiled: CompiledForm | null, values: Values): Record<string, FieldState> {
  return useMemo(() => (compiled ? compiled.linkage(values, conditionContext()) : {}), [compiled, values]);
}
