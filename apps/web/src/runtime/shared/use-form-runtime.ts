import { compile, type CompiledForm } from '@tessera/form-engine';
import type { FormDefinition } from '@tessera/schema';
import { useCallback, useEffect, useState } from 'react';
import { isApiProblem, type ApiProblem } from '../../shared/api/api-problem';
import type { FormItem } from '../../shared/widgets/fields/field-api-types';
import { loadForm, publishedDefinition } from '../../shared/widgets/fields/use-published-definition';

export interface FormRuntime {
  form: FormItem;
  definition: FormDefinition;
  compiled: CompiledForm;
}

export type FormRuntimeState =
  | { status: 'loading' }
  | { status: 'unpublished'; form: FormItem }
  | { status: 'error'; problem: ApiProblem | null }
  | ({ status: 'ready' } & FormRuntime);

/** A form's published definition, compiled, for the runtime pages (fresh from the server on every mount). */
export function useFormRuntime(formKey: string): FormRuntimeState & { reload: () => void } {
  const [state, setState] = useState<FormRuntimeState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let alive = true;
    setState({ status: 'loading' });
    loadForm(formKey, true)
      .then((form) => {
        if (!alive) return;
        const definition = publishedDefinition(form);
        if (!definition) return setState({ status: 'unpublished', form });
        setState({
          status: 'ready',
          form,
          definition,
          compiled: compile(definition, { version: form.publishedVersion ?? undefined }),
        });
      })
      .catch((error: unknown) => alive && setState({ status: 'error', problem: isApiProblem(error) ? error : null }));
    return () => {
      alive = false;
    };
  }, [formKey, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
