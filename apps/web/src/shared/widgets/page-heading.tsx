import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The h1 of a page (test hook `page-heading`), with an optional subtitle and actions on the right. */
export function PageHeading({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="flex-start" gap={16} style={{ marginBottom: 24 }}>
      <div>
        <Typography.Title level={2} data-testid="page-heading" style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {subtitle}
          </Typography.Paragraph>
        )}
      </div>
      {extra}
    </Flex>
  );
}
