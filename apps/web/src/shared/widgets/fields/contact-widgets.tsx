import { LinkOutlined, MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { Input, Typography } from 'antd';
import type { FieldWidget } from './field-widget';
import { asString, fieldPlaceholder } from './field-format';
import { EmptyValue } from './empty-value';

const ICONS = { email: <MailOutlined />, phone: <PhoneOutlined />, url: <LinkOutlined /> } as const;

function hrefOf(type: 'email' | 'phone' | 'url', text: string): string | undefined {
  if (type === 'email') return `mailto:${text}`;
  if (type === 'phone') return `tel:${text.replace(/[^\d+]/g, '')}`;
  return /^https?:\/\//i.test(text) ? text : undefined;
}

/** email, phone, url: a text input with an icon; shown as a link. */
export const contactWidget: FieldWidget<'email' | 'phone' | 'url'> = {
  Input({ field, value, onChange, locale, disabled, invalid, id }) {
    return (
      <Input
        id={id}
        type={field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'url'}
        prefix={<span style={{ color: 'rgba(0,0,0,0.35)' }}>{ICONS[field.type]}</span>}
        value={asString(value)}
        disabled={disabled}
        status={invalid ? 'error' : undefined}
        placeholder={fieldPlaceholder(field, locale)}
        maxLength={field.maxLength}
        allowClear
        onChange={(e) => onChange(e.target.value.trim() === '' ? null : e.target.value.trim())}
      />
    );
  },
  Display({ field, value }) {
    const text = asString(value);
    if (!text) return <EmptyValue />;
    const href = hrefOf(field.type, text);
    if (!href) return <Typography.Text>{text}</Typography.Text>;
    return (
      <Typography.Link
        href={href}
        target={field.type === 'url' ? '_blank' : undefined}
        rel="noreferrer"
        ellipsis
        onClick={(e) => e.stopPropagation()}
      >
        {text}
      </Typography.Link>
    );
  },
};
