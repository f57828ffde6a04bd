import { compile, FormMetadataError } from '@tessera/form-engine';
import { FORMULA_RESULT_TYPES, type FieldDefinition, type FormulaField } from '@tessera/schema';
import { Alert, Flex, Form, Input, InputNumber, Select, Tag, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { numberOrUndefined, type FieldChange } from './field-update';
import { FORMULA_FUNCTIONS } from './jsonata-functions';
import { sampleRecord } from './sample-record';
import { useLocalized } from './use-localized';

const EVALUATION_DELAY_MS = 200;

type LiveResult = { state: 'empty' } | { state: 'ok'; value: unknown } | { state: 'error'; message: string };

/** Computes the formula on sample data with the real form engine (same jsonata, same limits as the server). */
async function evaluate(field: FormulaField, sample: Record<string, unknown>): Promise<LiveResult> {
  if (!field.formula.expression.trim()) return { state: 'empty' };
  try {
    const compiled = compile({ key: 'formula_preview', name: 'preview', fields: [field] });
    const out = await compiled.computeFormulas(sample);
    return { state: 'ok', value: out[field.key] };
  } catch (error) {
    if (error instanceof FormMetadataError)
      return { state: 'error', message: error.issues.map((issue) => issue.message).join('; ') };
    return { state: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

function display(value: unknown): string {
  if (value === undefined || value === null) return '∅';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The formula editor: expression, a field picker and a function list that insert at the cursor, the result type,
 * and the live result on (editable) sample data built from the sibling fields.
 */
export function FormulaEditor(props: {
  field: FormulaField;
  siblings: readonly FieldDefinition[];
  onChange: FieldChange<FormulaField>;
}) {
  const { field, siblings, onChange } = props;
  const { t } = useTranslation();
  const localized = useLocalized();
  const textArea = useRef<TextAreaRef>(null);
  const others = useMemo(() => siblings.filter((sibling) => sibling.key !== field.key), [siblings, field.key]);
  const initialSample = useMemo(() => JSON.stringify(sampleRecord(others), null, 1), [others]);
  const [sampleText, setSampleText] = useState(initialSample);
  const [result, setResult] = useState<LiveResult>({ state: 'empty' });

  useEffect(() => setSampleText(initialSample), [initialSample]);

  useEffect(() => {
    let cancelled = false;
    const timer = window.setTimeout(() => {
      let sample: Record<string, unknown>;
      try {
        sample = JSON.parse(sampleText) as Record<string, unknown>;
      } catch (error) {
        setResult({ state: 'error', message: error instanceof Error ? error.message : String(error) });
        return;
      }
      void evaluate(field, sample).then((next) => !cancelled && setResult(next));
    }, EVALUATION_DELAY_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [field, sampleText]);

  const setFormula = (patch: Partial<FormulaField['formula']>, tag?: string) =>
    onChange({ ...field, formula: { ...field.formula, ...patch } }, tag);

  const insert = (snippet: string) => {
    const element = textArea.current?.resizableTextArea?.textArea;
    const expression = field.formula.expression;
    const start = element?.selectionStart ?? expression.length;
    const end = element?.selectionEnd ?? expression.length;
    setFormula({ expression: expression.slice(0, start) + snippet + expression.slice(end) });
    window.requestAnimationFrame(() => {
      element?.focus();
      const caret = start + (snippet.includes('(') ? snippet.indexOf('(') + 1 : snippet.length);
      element?.setSelectionRange(caret, caret);
    });
  };

  return (
    <div data-testid="formula-editor">
      <Form.Item label={t('designer.formula.expression')} extra={t('designer.formula.expressionHelp')}>
        <Input.TextArea
          ref={textArea}
          value={field.formula.expression}
          autoSize={{ minRows: 2, maxRows: 6 }}
          style={{ fontFamily: 'monospace' }}
          onChange={(event) => setFormula({ expression: event.target.value }, 'formula.expression')}
          data-testid="formula-expression"
        />
      </Form.Item>
      <Form.Item label={t('designer.formula.fields')}>
        <Select
          showSearch
          value={null}
          placeholder={t('designer.properties.selectPlaceholder')}
          optionFilterProp="label"
          options={others.map((sibling) => ({
            value: sibling.key,
            label: `${localized(sibling.label)} (${sibling.key})`,
          }))}
          onSelect={(key: string | null) => {
            if (key) insert(key);
          }}
          data-testid="formula-field-picker"
        />
      </Form.Item>
      <Form.Item label={t('designer.formula.functions')}>
        <Flex wrap gap={4}>
          {FORMULA_FUNCTIONS.map((fn) => (
            <Tooltip key={fn.name} title={t(`designer.formula.descriptions.${fn.description}`)}>
              <Tag className="fd-formula-chip" onClick={() => insert(fn.snippet)} style={{ fontFamily: 'monospace' }}>
                {fn.name}
              </Tag>
            </Tooltip>
          ))}
        </Flex>
      </Form.Item>
      <Flex gap={8}>
        <Form.Item label={t('designer.formula.resultType')} style={{ flex: 1 }}>
          <Select
            value={field.formula.resultType}
            options={FORMULA_RESULT_TYPES.map((type) => ({
              value: type,
              label: t(`designer.formula.resultTypes.${type}`),
            }))}
            onChange={(resultType) => setFormula({ resultType })}
          />
        </Form.Item>
        {field.formula.resultType === 'number' && (
          <Form.Item label={t('designer.properties.precision')} style={{ width: 110 }}>
            <InputNumber
              min={0}
              max={10}
              value={field.formula.precision}
              onChange={(value) => setFormula({ precision: numberOrUndefined(value) })}
            />
          </Form.Item>
        )}
      </Flex>
      <Form.Item label={t('designer.formula.liveResult')}>
        {result.state === 'ok' ? (
          <Alert type="success" title={<code data-testid="formula-result">{display(result.value)}</code>} />
        ) : result.state === 'error' ? (
          <Alert
            type="error"
            title={t('designer.formula.error', { message: result.message })}
            data-testid="formula-error"
          />
        ) : (
          <Typography.Text type="secondary">{t('designer.formula.empty')}</Typography.Text>
        )}
      </Form.Item>
      <Form.Item label={t('designer.formula.sampleData')}>
        <Input.TextArea
          value={sampleText}
          autoSize={{ minRows: 2, maxRows: 8 }}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
          onChange={(event) => setSampleText(event.target.value)}
          data-testid="formula-sample"
        />
      </Form.Item>
    </div>
  );
}
