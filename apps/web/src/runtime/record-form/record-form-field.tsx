import { Form } from 'antd';
import type { FieldState } from '@tessera/form-engine';
import { localizedText, type FieldDefinition, type Locale } from '@tessera/schema';
import { fieldLabel } from '../../shared/widgets/fields/field-format';
import { widgetFor } from '../../shared/widgets/fields/field-widget-registry';
import { nestedErrorsOf, type FormErrors } from './form-errors';

export interface RecordFormFieldProps {
  field: FieldDefinition;
  state: FieldState | undefined;
  values: Readonly<Record<string, unknown>>;
  display?: Readonly<Record<string, unknown>>;
  errors: FormErrors;
  locale: Locale;
  readOnly?: boolean;
  onChange: (key: string, value: unknown) => void;
  onFill: (values: Record<string, unknown>) => void;
}

/** One field of the form grid: label, required mark, input (or display), help or error. */
export function RecordFormField({
  field,
  state,
  values,
  display,
  errors,
  locale,
  readOnly,
  onChange,
  onFill,
}: RecordFormFieldProps) {
  const widget = widgetFor(field);
  const id = `rf-${field.key}`;
  const error = errors[`/${field.key}`];
  const nested = nestedErrorsOf(errors, field.key);
  const nestedCount = Object.keys(nested).length;
  const help =
    error ?? (nestedCount ? Object.values(nested)[0] : undefined) ?? (localizedText(field.help, locale) || undefined);
  const disabled = readOnly || state?.readOnly === true;
  return (
    <Form.Item
      label={fieldLabel(field, locale)}
      required={!readOnly && state?.required === true}
      validateStatus={error || nestedCount ? 'error' : undefined}
      help={help}
      htmlFor={id}
      data-testid={`field-${field.key}`}
      style={{ marginBottom: 18 }}
    >
      {readOnly ? (
        <widget.Display field={field} value={values[field.key]} display={display?.[field.key]} locale={locale} />
      ) : (
        <widget.Input
          id={id}
          field={field}
          value={values[field.key]}
          display={display?.[field.key]}
          record={values}
          locale={locale}
          disabled={disabled}
          invalid={Boolean(error)}
          nestedErrors={nested}
          onChange={(value) => onChange(field.key, value)}
          onFill={onFill}
        />
      )}
    </Form.Item>
  );
}
