import type { FieldDefinition } from '@tessera/schema';
import { useEffect, useState } from 'react';
import { asDefinition, designerApi } from './designer-api';

const cache = new Map<string, Promise<FieldDefinition[]>>();

function loadFields(formKey: string): Promise<FieldDefinition[]> {
  let pending = cache.get(formKey);
  if (!pending) {
    pending = designerApi
      .loadForm(formKey)
      .then((form) => asDefinition(form.published ?? form.draft).fields)
      .catch(() => {
        cache.delete(formKey);
        return [];
      });
    cache.set(formKey, pending);
  }
  return pending;
}

/**
 * The fields of a relation's target form (its published version, else its draft), for display-field, lookup and
 * rollup pickers. The form being designed answers from the designer's own document.
 */
export function useTargetFormFields(
  formKey: string | undefined,
  self: { key: string; fields: readonly FieldDefinition[] },
): readonly FieldDefinition[] {
  const [fields, setFields] = useState<readonly FieldDefinition[]>([]);
  const isSelf = formKey === self.key;
  useEffect(() => {
    if (!formKey || isSelf) return;
    let cancelled = false;
    void loadFields(formKey).then((loaded) => !cancelled && setFields(loaded));
    return () => {
      cancelled = true;
    };
  }, [formKey, isSelf]);
  if (!formKey) return [];
  return isSelf ? self.fields : fields;
}
