import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** One labelled setting of the right-hand settings pane. */
export function SettingRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" gap={12} className="rd-setting">
      <Typography.Text>{label}</Typography.Text>
      {children}
    </Flex>
  );
}
