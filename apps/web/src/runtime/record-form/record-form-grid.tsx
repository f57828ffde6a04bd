import { Card, Col, Row, Tabs } from 'antd';
import type { FieldState } from '@tessera/form-engine';
import { localizedText, type FieldDefinition, type FormDefinition, type Locale } from '@tessera/schema';
import { widgetFor } from '../../shared/widgets/fields/field-widget-registry';
import type { FormErrors } from './form-errors';
import type { LayoutBlock, LayoutCell } from './form-layout';
import { RecordFormField } from './record-form-field';

export interface RecordFormGridProps {
  definition: FormDefinition;
  blocks: LayoutBlock[];
  linkage: Record<string, FieldState>;
  values: Readonly<Record<string, unknown>>;
  display?: Readonly<Record<string, unknown>>;
  errors: FormErrors;
  locale: Locale;
  readOnly?: boolean;
  onChange: (key: string, value: unknown) => void;
  onFill: (values: Record<string, unknown>) => void;
}

/**
 * The 24-column grid of a form, block by block: rows keep the designer's spans (one column per row when the
 * form is narrower than 576 px, see record-form.css), sections become cards and tabs become tabs with their rows.
 */
export function RecordFormGrid(props: RecordFormGridProps) {
  const { blocks, linkage, locale } = props;
  const visible = (f: FieldDefinition) => linkage[f.key]?.visible !== false;

  const cell = ({ field, span }: LayoutCell) => {
    if (widgetFor(field).layout) {
      const { Display } = widgetFor(field);
      return (
        <Col span={24} key={field.key}>
          <Display field={field} value={undefined} locale={locale} />
        </Col>
      );
    }
    return (
      <Col span={span} className="rf-col" key={field.key}>
        <RecordFormField {...props} field={field} state={linkage[field.key]} />
      </Col>
    );
  };

  return (
    <>
      {blocks.map((block, i) => {
        if (block.kind === 'section') {
          if (!visible(block.field)) return null;
          return (
            <Card
              key={block.field.key}
              size="small"
              title={localizedText(block.field.title ?? block.field.label, locale)}
              style={{ marginBottom: 18 }}
              data-testid={`section-${block.field.key}`}
            >
              <RecordFormGrid {...props} blocks={block.blocks} />
            </Card>
          );
        }
        if (block.kind === 'tabs') {
          if (!visible(block.field)) return null;
          return (
            <Tabs
              key={block.field.key}
              style={{ marginBottom: 12 }}
              data-testid={`tabs-${block.field.key}`}
              items={block.field.tabs.map((tab, t) => ({
                key: String(t),
                label: localizedText(tab.title, locale),
                forceRender: true,
                children: <RecordFormGrid {...props} blocks={block.tabs[t] ?? []} />,
              }))}
            />
          );
        }
        const cells = block.cells.filter((c) => visible(c.field));
        if (cells.length === 0) return null;
        return (
          <Row gutter={20} key={`row-${i}`}>
            {cells.map(cell)}
          </Row>
        );
      })}
    </>
  );
}
