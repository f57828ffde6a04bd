import { Card, Col, Row, Tabs } from 'antd';
import type { FieldState } from '@tessera/form-engine';
import { localizedText, type FieldDefinition, type FormDefinition, type Locale } from '@tessera/schema';
import { widgetFor } from '../../shared/widgets/fields/field-widget-registry';
import type { FormErrors } from './form-errors';
import { childFields, packRows, type LayoutRow } from './form-layout';
import { RecordFormField } from './record-form-field';

export interface RecordFormGridProps {
  definition: FormDefinition;
  rows: LayoutRow[];
  linkage: Record<string, FieldState>;
  values: Readonly<Record<string, unknown>>;
  display?: Readonly<Record<string, unknown>>;
  errors: FormErrors;
  locale: Locale;
  readOnly?: boolean;
  onChange: (key: string, value: unknown) => void;
  onFill: (values: Record<string, unknown>) => void;
}

/** The 24-column grid of a form; sections become cards, tabs become tabs, each with its own grid inside. */
export function RecordFormGrid(props: RecordFormGridProps) {
  const { definition, rows, linkage, locale } = props;
  const visible = (f: FieldDefinition) => linkage[f.key]?.visible !== false;

  const cell = (field: FieldDefinition, span: number) => {
    if (field.type === 'section') {
      const inner = packRows(childFields(definition, field.children ?? []).filter(visible));
      return (
        <Col span={24} key={field.key}>
          <Card
            size="small"
            title={localizedText(field.title ?? field.label, locale)}
            style={{ marginBottom: 18 }}
            data-testid={`section-${field.key}`}
          >
            <RecordFormGrid {...props} rows={inner} />
          </Card>
        </Col>
      );
    }
    if (field.type === 'tabs') {
      return (
        <Col span={24} key={field.key}>
          <Tabs
            style={{ marginBottom: 12 }}
            items={field.tabs.map((tab, i) => ({
              key: String(i),
              label: localizedText(tab.title, locale),
              children: (
                <RecordFormGrid {...props} rows={packRows(childFields(definition, tab.children).filter(visible))} />
              ),
            }))}
          />
        </Col>
      );
    }
    if (widgetFor(field).layout) {
      const { Display } = widgetFor(field);
      return (
        <Col span={24} key={field.key}>
          <Display field={field} value={undefined} locale={locale} />
        </Col>
      );
    }
    return (
      <Col xs={24} md={span} key={field.key}>
        <RecordFormField {...props} field={field} state={linkage[field.key]} />
      </Col>
    );
  };

  return (
    <>
      {rows.map((row, i) => {
        const cells = row.filter((c) => visible(c.field));
        if (cells.length === 0) return null;
        return (
          <Row gutter={20} key={i}>
            {cells.map((c) => cell(c.field, c.span))}
          </Row>
        );
      })}
    </>
  );
}
