import {
  CalendarOutlined,
  EnvironmentOutlined,
  FieldBinaryOutlined,
  FieldStringOutlined,
  FunnelPlotOutlined,
  NumberOutlined,
  TagOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { SourceField } from './source-fields';

/** The icon of a field in the report designer, by what it is good for. */
export function FieldTypeIcon({ field }: { field: SourceField }) {
  if (field.role === 'province') return <EnvironmentOutlined />;
  if (field.role === 'stage') return <FunnelPlotOutlined />;
  if (field.temporal) return <CalendarOutlined />;
  if (field.numeric) return <NumberOutlined />;
  if (field.kind === 'uuid' || field.kind === 'uuid_array') return <UserOutlined />;
  if (field.options) return <TagOutlined />;
  if (field.kind === 'boolean') return <FieldBinaryOutlined />;
  return <FieldStringOutlined />;
}
