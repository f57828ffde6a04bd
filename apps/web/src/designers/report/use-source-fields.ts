import type { FormDefinition } from '@tessera/schema';
import { useEffect, useState } from 'react';
import { useLanguage } from '../../shared/i18n/use-language';
import { loadForm, publishedDefinition } from '../../shared/widgets/fields/use-published-definition';
import { singleRelationsOf, sourceFieldsOf, type SourceField } from './source-fields';

export type SourceFieldsState =
  | { status: 'idle' | 'loading' }
  | { status: 'error' }
  | { status: 'ready'; definition: FormDefinition; fields: SourceField[] };

/** The reportable fields of a form's published definition and of the forms its single relations point at. */
export function useSourceFields(formKey: string | undefined): SourceFieldsState {
  const { language } = useLanguage();
  const [state, setState] = useState<SourceFieldsState>({ status: 'idle' });
  useEffect(() => {
    if (!formKey) {
      setState({ status: 'idle' });
      return;
    }
    let alive = true;
    setState({ status: 'loading' });
    (async () => {
      const definition = publishedDefinition(await loadForm(formKey));
      if (!definition) throw new Error(`form ${formKey} is not published`);
      const fields = sourceFieldsOf(definition, language);
      const related = await Promise.all(
        singleRelationsOf(definition, language).map(async (rel) => {
          try {
            const target = publishedDefinition(await loadForm(rel.form));
            return target ? sourceFieldsOf(target, language, rel) : [];
          } catch {
            return []; // a related form the user may not read: its fields are simply not offered
          }
        }),
      );
      if (alive) setState({ status: 'ready', definition, fields: [...fields, ...related.flat()] });
    })().catch(() => alive && setState({ status: 'error' }));
    return () => {
      alive = false;
    };
  }, [formKey, language]);
  return state;
}
