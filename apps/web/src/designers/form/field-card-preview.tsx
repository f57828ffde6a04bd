import {
  CalendarOutlined,
  ClockCircleOutlined,
  DownOutlined,
  EnvironmentOutlined,
  NodeIndexOutlined,
  StarFilled,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { FieldDefinition } from '@tessera/schema';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from './use-localized';

const MAX_OPTION_TAGS = 4;

/**
 * A light, static look-alike of the field's input (no real antd inputs: a canvas may hold hundreds of fields).
 * Layout and container types draw their own bodies in the card.
 */
export function FieldCardPreview({ field }: { field: FieldDefinition }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const placeholder = localized(field.placeholder);
  switch (field.type) {
    case 'textarea':
    case 'rich_text':
      return <div className="fd-fake-input is-tall">{placeholder}</div>;
    case 'select':
    case 'multi_select':
    case 'radio':
    case 'checkbox':
      return (
        <div className="fd-fake-input">
          {field.options.slice(0, MAX_OPTION_TAGS).map((option) => (
            <Tag key={option.value} color={option.color} variant="outlined" style={{ marginInlineEnd: 0 }}>
              {localized(option.label)}
            </Tag>
          ))}
          {field.options.length > MAX_OPTION_TAGS && <span>+{field.options.length - MAX_OPTION_TAGS}</span>}
          {(field.type === 'select' || field.type === 'multi_select') && (
            <DownOutlined style={{ marginLeft: 'auto', fontSize: 10 }} />
          )}
        </div>
      );
    case 'date':
    case 'datetime':
      return (
        <div className="fd-fake-input">
          {placeholder}
          <CalendarOutlined style={{ marginLeft: 'auto' }} />
        </div>
      );
    case 'time':
      return (
        <div className="fd-fake-input">
          {placeholder}
          <ClockCircleOutlined style={{ marginLeft: 'auto' }} />
        </div>
      );
    case 'rating':
      return (
        <div className="fd-fake-input" style={{ border: 'none', paddingLeft: 0, color: '#e0e3eb' }}>
          {Array.from({ length: field.max ?? 5 }, (_, index) => (
            <StarFilled key={index} />
          ))}
        </div>
      );
    case 'switch':
      return (
        <div className="fd-fake-input" style={{ border: 'none', paddingLeft: 0 }}>
          <span style={{ width: 32, height: 18, borderRadius: 9, background: '#d9d9d9', display: 'inline-block' }} />
        </div>
      );
    case 'member':
    case 'department':
    case 'owner':
      return (
        <div className="fd-fake-input">
          <UserOutlined />
          {placeholder}
        </div>
      );
    case 'relation':
      return (
        <div className="fd-fake-input">
          <NodeIndexOutlined />
          {field.relation.form}
        </div>
      );
    case 'region':
    case 'location':
      return (
        <div className="fd-fake-input">
          <EnvironmentOutlined />
          {placeholder}
        </div>
      );
    case 'image':
    case 'attachment':
    case 'signature':
      return (
        <div className="fd-fake-input" style={{ borderStyle: 'dashed' }}>
          <UploadOutlined />
        </div>
      );
    case 'formula':
      return (
        <div className="fd-fake-input" style={{ background: '#fafafa', fontFamily: 'monospace' }}>
          {field.formula.expression ? `= ${field.formula.expression}` : t('designer.formula.empty')}
        </div>
      );
    case 'auto_number':
      return (
        <div className="fd-fake-input" style={{ background: '#fafafa', fontFamily: 'monospace' }}>
          {field.autoNumber.pattern}
        </div>
      );
    default:
      return <div className="fd-fake-input">{placeholder}</div>;
  }
}
