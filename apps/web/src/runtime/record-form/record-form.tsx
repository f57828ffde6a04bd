import { Alert, Button, Flex, Form } from 'antd';
import type { FormDefinition } from '@tessera/schema';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n/use-language';
import { clientErrors, mapServerErrors, type FormErrors, type ServerFieldError } from './form-errors';
import { formLayout } from './form-layout';
import { changedValues, writableValues } from './form-values';
import { RecordFormGrid } from './record-form-grid';
import './record-form.css';
import { conditionContext, useCompiledForm, useComputedValues, useLinkage } from './use-form-engine';

type Values = Record<string, unknown>;

export interface RecordFormProps {
  definition: FormDefinition;
  /** The record's values (edit) or prefilled values (create). Remount the form (React `key`) to load another. */
  initialValues?: Values;
  mode: 'create' | 'edit';
  /**
   * Called with valid values only: on create every writable value that is set; on edit only the writable values
   * that changed. Reject (throw) to keep the form open; pass the problem's errors back as `serverErrors`.
   */
  onSubmit: (values: Values) => Promise<void>;
  /** `errors` of the server's problem document (`/body/values/<key>`, `/body/values/items/3/qty` …). */
  serverErrors?: readonly ServerFieldError[];
  readOnly?: boolean;
  /** Display names sent with the record (people, related records). */
  display?: Record<string, unknown>;
  submitText?: string;
  onCancel?: () => void;
}

const SYSTEM_TYPES = new Set(['created_by', 'created_at', 'updated_by', 'updated_at']);

/**
 * The runtime form of a form definition: layout rows, sections and tabs, every field through the widget
 * registry, live formulas and linkage (hidden fields disappear, required marks follow), the same validator as
 * the server on submit, and the server's errors mapped back onto the fields. The designer previews with it.
 */
export function RecordForm({
  definition,
  initialValues,
  mode,
  onSubmit,
  serverErrors,
  readOnly,
  display,
  submitText,
  onCancel,
}: RecordFormProps) {
  const { t } = useTranslation();
  const { language: locale } = useLanguage();
  const { compiled, error: definitionError } = useCompiledForm(definition);
  const [values, setValues] = useState<Values>(() => ({ ...initialValues }));
  const [submitted, setSubmitted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [server, setServer] = useState({ source: serverErrors, dismissed: new Set<string>() });
  const root = useRef<HTMLDivElement>(null);
  if (server.source !== serverErrors) setServer({ source: serverErrors, dismissed: new Set() });

  // defaults (constants and default formulas) for a new record
  useEffect(() => {
    if (mode !== 'create' || !compiled || readOnly) return;
    let alive = true;
    compiled
      .applyDefaults({}, conditionContext())
      .then((defaults) => alive && setValues((current) => ({ ...defaults, ...current })))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [compiled, mode, readOnly]);

  const shown = useComputedValues(compiled, definition, values);
  const linkage = useLinkage(compiled, shown);
  const blocks = useMemo(
    () => formLayout(definition, (f) => mode === 'create' && (SYSTEM_TYPES.has(f.type) || f.type === 'owner')),
    [definition, mode],
  );

  const validationMode = mode === 'create' ? 'create' : 'update';
  const liveErrors: FormErrors = useMemo(() => {
    if (!submitted || !compiled) return {};
    return clientErrors(
      compiled.validate(writableValues(definition, shown), validationMode, conditionContext()).errors,
      locale,
    );
  }, [submitted, compiled, definition, shown, validationMode, locale]);
  const mappedServer = useMemo(
    () => mapServerErrors(serverErrors ?? [], definition.fields, locale),
    [serverErrors, definition.fields, locale],
  );
  const errors: FormErrors = { ...liveErrors };
  for (const [path, message] of Object.entries(mappedServer.fields))
    if (![...server.dismissed].some((d) => path === d || path.startsWith(`${d}/`))) errors[path] ??= message;

  const change = (key: string, value: unknown) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (!server.dismissed.has(`/${key}`)) setServer((s) => ({ ...s, dismissed: new Set([...s.dismissed, `/${key}`]) }));
  };
  const fill = (filled: Values) => setValues((current) => ({ ...current, ...filled }));

  const focusFirstError = () =>
    requestAnimationFrame(() =>
      root.current?.querySelector('.ant-form-item-has-error')?.scrollIntoView({ behavior: 'smooth', block: 'center' }),
    );

  const submit = async () => {
    setSubmitted(true);
    const computed = compiled ? await compiled.computeFormulas(values, conditionContext()).catch(() => values) : values;
    if (compiled) {
      const result = compiled.validate(writableValues(definition, computed), validationMode, conditionContext());
      if (!result.ok) {
        focusFirstError();
        return;
      }
    }
    const payload =
      mode === 'create'
        ? Object.fromEntries(Object.entries(writableValues(definition, computed)).filter(([, v]) => v !== null))
        : changedValues(definition, computed, initialValues ?? {});
    setSubmitting(true);
    try {
      await onSubmit(payload);
    } catch {
      focusFirstError(); // the caller shows the message and passes the field errors back
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div ref={root} className="rf-root" data-testid="record-form">
      {definitionError && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('runtime.form.invalidDefinition')}
          description={definitionError}
        />
      )}
      {mappedServer.general.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('runtime.form.serverRefused')}
          description={mappedServer.general.join('\n')}
          data-testid="record-form-general-error"
        />
      )}
      <Form layout="vertical" component="div" requiredMark>
        <RecordFormGrid
          definition={definition}
          blocks={blocks}
          linkage={linkage}
          values={shown}
          display={display}
          errors={errors}
          locale={locale}
          readOnly={readOnly}
          onChange={change}
          onFill={fill}
        />
      </Form>
      {!readOnly && (
        <Flex justify="flex-end" gap={8} style={{ marginTop: 8 }}>
          {onCancel && <Button onClick={onCancel}>{t('runtime.common.cancel')}</Button>}
          <Button type="primary" loading={submitting} onClick={() => void submit()} data-testid="record-form-submit">
            {submitText ?? (mode === 'create' ? t('runtime.form.submit') : t('runtime.form.save'))}
          </Button>
        </Flex>
      )}
    </div>
  );
}
