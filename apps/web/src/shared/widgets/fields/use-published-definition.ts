import type { FormDefinition } from '@tessera/schema';
import { useEffect, useState } from 'react';
import { apiClient, callApi } from '../../api/api-client';
import type { FormItem } from './field-api-types';

const cache = new Map<string, Promise<FormItem>>();

/** A form (draft + published definition), fetched once per page per key. */
export function loadForm(formKey: string, fresh = false): Promise<FormItem> {
  let entry = fresh ? undefined : cache.get(formKey);
  if (!entry) {
    entry = callApi(apiClient.GET('/api/v1/forms/{formKey}', { params: { path: { formKey } } }));
    entry.catch(() => cache.delete(formKey));
    cache.set(formKey, entry);
  }
  return entry;
}

/** The published definition of a form as the engine types it (the server validated it before publishing). */
export function publishedDefinition(form: FormItem): FormDefinition | null {
  return form.published ? (form.published as unknown as FormDefinition) : null;
}

/** The published definition of another form (relation targets), or undefined while loading or unavailable. */
export function usePublishedDefinition(formKey: string | undefined): FormDefinition | undefined {
  const [definition, setDefinition] = useState<{ key: string; definition: FormDefinition | null }>();
  useEffect(() => {
    if (!formKey) return;
    let alive = true;
    loadForm(formKey)
      .then((form) => alive && setDefinition({ key: formKey, definition: publishedDefinition(form) }))
      .catch(() => alive && setDefinition({ key: formKey, definition: null }));
    return () => {
      alive = false;
    };
  }, [formKey]);
  return definition && definition.key === formKey ? (definition.definition ?? undefined) : undefined;
}
