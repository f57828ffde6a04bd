import { Typography } from 'antd';

/** What a field without a value shows. */
export function EmptyValue() {
  return <Typography.Text type="secondary">—</Typography.Text>;
}
