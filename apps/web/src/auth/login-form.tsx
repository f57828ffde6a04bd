import { LockOutlined, MailOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginRequest } from '../shared/api/api-types';
import { isApiProblem } from '../shared/api/api-problem';
import { loginErrorMessage } from './login-error-message';

interface LoginFormValues {
  email: string;
  password: string;
  tenant?: string;
}

const FIELD_NAMES = ['email', 'password', 'tenant'] as const;
type FieldName = (typeof FIELD_NAMES)[number];

/** `/email`, `email`, `body.email`, `$.email` → `email`, if it names one of the form's fields. */
function fieldOf(path: string): FieldName | null {
  const last = path.split(/[./]/).filter(Boolean).pop();
  return FIELD_NAMES.find((name) => name === last) ?? null;
}

/** Email, password and optional tenant; shows server problems inline (banner + per-field errors). */
export function LoginForm({ onSubmit }: { onSubmit: (credentials: LoginRequest) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginFormValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const handleFinish = async (values: LoginFormValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const tenant = values.tenant?.trim();
      await onSubmit({ email: values.email.trim(), password: values.password, ...(tenant ? { tenant } : {}) });
    } catch (caught) {
      setError(caught);
      if (isApiProblem(caught)) {
        form.setFields(
          caught.errors.flatMap((entry) => {
            const name = fieldOf(entry.path);
            return name ? [{ name, errors: [entry.message] }] : [];
          }),
        );
      }
      setSubmitting(false);
    }
  };

  return (
    <Form<LoginFormValues>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={handleFinish}
      onValuesChange={() => error !== null && setError(null)}
      data-testid="login-form"
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={loginErrorMessage(error, t)}
          style={{ marginBottom: 20 }}
          data-testid="login-error"
          role="alert"
        />
      )}
      <Form.Item
        name="email"
        label={t('auth.login.email')}
        rules={[
          { required: true, message: t('auth.login.emailRequired') },
          { type: 'email', message: t('auth.login.emailInvalid') },
        ]}
      >
        <Input
          prefix={<MailOutlined />}
          type="email"
          autoComplete="username"
          autoFocus
          placeholder={t('auth.login.emailPlaceholder')}
          data-testid="login-email"
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.login.password')}
        rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          placeholder={t('auth.login.passwordPlaceholder')}
          data-testid="login-password"
        />
      </Form.Item>
      <Form.Item
        name="tenant"
        label={
          <span>
            {t('auth.login.tenant')}{' '}
            <Typography.Text type="secondary">{t('auth.login.tenantOptional')}</Typography.Text>
          </span>
        }
        extra={t('auth.login.tenantHint')}
      >
        <Input
          prefix={<TeamOutlined />}
          autoComplete="organization"
          placeholder={t('auth.login.tenantPlaceholder')}
          data-testid="login-tenant"
        />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0, marginTop: 8 }}>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
          {t('auth.login.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
