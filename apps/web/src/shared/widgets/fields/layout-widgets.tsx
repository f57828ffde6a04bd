import { Divider, Typography } from 'antd';
import { localizedText } from '@tessera/schema';
import type { FieldWidget } from './field-widget';

/** divider: a line with an optional title. Sections and tabs are containers drawn by the record form. */
export const dividerWidget: FieldWidget<'divider'> = {
  Input({ field, locale }) {
    const title = localizedText(field.title ?? field.label, locale);
    return <Divider titlePlacement="start">{title}</Divider>;
  },
  Display({ field, locale }) {
    const title = localizedText(field.title ?? field.label, locale);
    return <Divider titlePlacement="start">{title}</Divider>;
  },
  layout: true,
  wide: true,
};

function ContainerTitle({ title }: { title: string }) {
  return (
    <Typography.Title level={5} style={{ margin: '8px 0' }}>
      {title}
    </Typography.Title>
  );
}

export const sectionWidget: FieldWidget<'section'> = {
  Input: ({ field, locale }) => <ContainerTitle title={localizedText(field.title ?? field.label, locale)} />,
  Display: ({ field, locale }) => <ContainerTitle title={localizedText(field.title ?? field.label, locale)} />,
  layout: true,
  wide: true,
};

export const tabsWidget: FieldWidget<'tabs'> = {
  Input: ({ field, locale }) => <ContainerTitle title={localizedText(field.label, locale)} />,
  Display: ({ field, locale }) => <ContainerTitle title={localizedText(field.label, locale)} />,
  layout: true,
  wide: true,
};
