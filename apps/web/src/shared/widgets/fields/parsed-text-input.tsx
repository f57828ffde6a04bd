import { Input } from 'antd';
import { moduleOf } from '@tessera/form-engine';
import type { FieldDefinition, Locale } from '@tessera/schema';
import { useState } from 'react';
import { formatFieldValue } from './field-format';

interface ParsedTextInputProps {
  field: FieldDefinition;
  value: unknown;
  onChange: (value: unknown) => void;
  locale: Locale;
  disabled?: boolean;
  invalid?: boolean;
  id?: string;
  placeholder?: string;
}

/**
 * Free text parsed by the field type's module when the input loses focus ('1h 30m' → 5400). Text that does not
 * parse is handed on as is, so the validator reports it.
 */
export function ParsedTextInput({
  field,
  value,
  onChange,
  locale,
  disabled,
  invalid,
  id,
  placeholder,
}: ParsedTextInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? formatFieldValue(field, value, locale);
  const commit = () => {
    if (draft === null) return;
    const parsed = moduleOf(field).parse(draft, field, locale);
    onChange(parsed.ok ? parsed.value : draft);
    setDraft(null);
  };
  return (
    <Input
      id={id}
      value={shown}
      disabled={disabled}
      status={invalid ? 'error' : undefined}
      placeholder={placeholder}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onPressEnter={commit}
    />
  );
}
