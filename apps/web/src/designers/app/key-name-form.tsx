import { FIELD_KEY_PATTERN } from '@tessera/schema';
import { Form, Input, type FormInstance } from 'antd';
import { useRef } from 'react';
import { deriveKeyFromName } from '../form/key-derivation';

export interface KeyNameValues {
  name: string;
  key: string;
}

/**
 * Name and key inputs: the key follows the name (snake case or pinyin) until the user edits it.
 * Shared by the new-app and new-form dialogs.
 */
export function KeyNameFields(props: {
  form: FormInstance<KeyNameValues>;
  fallbackPrefix: string;
  labels: {
    name: string;
    namePlaceholder: string;
    nameRequired: string;
    key: string;
    keyHelp: string;
    keyInvalid: string;
  };
  testIdPrefix: string;
}) {
  const { form, fallbackPrefix, labels, testIdPrefix } = props;
  const keyTouched = useRef(false);
  const fallback = useRef(`${fallbackPrefix}_${Date.now().toString(36)}`);
  return (
    <>
      <Form.Item
        name="name"
        label={labels.name}
        rules={[{ required: true, whitespace: true, message: labels.nameRequired }]}
      >
        <Input
          autoFocus
          maxLength={200}
          placeholder={labels.namePlaceholder}
          data-testid={`${testIdPrefix}-name`}
          onChange={(event) => {
            if (!keyTouched.current) form.setFieldValue('key', deriveKeyFromName(event.target.value, fallback.current));
          }}
        />
      </Form.Item>
      <Form.Item
        name="key"
        label={labels.key}
        extra={labels.keyHelp}
        rules={[{ required: true, pattern: FIELD_KEY_PATTERN, message: labels.keyInvalid }]}
      >
        <Input
          style={{ fontFamily: 'monospace' }}
          maxLength={63}
          data-testid={`${testIdPrefix}-key`}
          onChange={() => {
            keyTouched.current = true;
          }}
        />
      </Form.Item>
    </>
  );
}
