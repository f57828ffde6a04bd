import type { LocalizedText } from '@tessera/schema';
import { Form, Input } from 'antd';

/** Both languages of a LocalizedText; empty languages are dropped, and nothing at all gives undefined. */
export function setLanguageText(
  text: LocalizedText | undefined,
  language: 'zh-CN' | 'en-US',
  value: string,
): LocalizedText | undefined {
  const current = typeof text === 'string' ? { 'zh-CN': text } : { ...text };
  if (value) current[language] = value;
  else delete current[language];
  return Object.keys(current).length ? current : undefined;
}

export function languageText(text: LocalizedText | undefined, language: 'zh-CN' | 'en-US'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return language === 'zh-CN' ? text : '';
  return text[language] ?? '';
}

/** Two inputs (中文 / English) for one LocalizedText setting. */
export function LocalizedTextInput(props: {
  labels: { zh: string; en: string };
  value: LocalizedText | undefined;
  onChange: (value: LocalizedText | undefined, language: 'zh-CN' | 'en-US') => void;
  testId?: string;
  multiline?: boolean;
  placeholder?: string;
}) {
  const { labels, value, onChange, testId, multiline, placeholder } = props;
  const Control = multiline ? Input.TextArea : Input;
  return (
    <>
      <Form.Item label={labels.zh}>
        <Control
          value={languageText(value, 'zh-CN')}
          placeholder={placeholder}
          onChange={(event) => onChange(setLanguageText(value, 'zh-CN', event.target.value), 'zh-CN')}
          data-testid={testId ? `${testId}-zh` : undefined}
          {...(multiline ? { autoSize: { minRows: 1, maxRows: 4 } } : {})}
        />
      </Form.Item>
      <Form.Item label={labels.en}>
        <Control
          value={languageText(value, 'en-US')}
          placeholder={placeholder}
          onChange={(event) => onChange(setLanguageText(value, 'en-US', event.target.value), 'en-US')}
          data-testid={testId ? `${testId}-en` : undefined}
          {...(multiline ? { autoSize: { minRows: 1, maxRows: 4 } } : {})}
        />
      </Form.Item>
    </>
  );
}
