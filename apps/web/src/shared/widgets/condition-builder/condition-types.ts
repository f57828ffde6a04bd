import type { ValueKind } from '@tessera/schema';
import type { ReactNode } from 'react';

/** A field the condition builder offers: its key, label, value kind and (for choices/people) its options. */
export interface ConditionField {
  key: string;
  label: string;
  kind: ValueKind;
  options?: { value: string; label: ReactNode; search?: string }[];
}
