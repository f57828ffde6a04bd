import type { TableColumnType } from 'antd';
import type { CompiledForm } from '@tessera/form-engine';
import type { FieldDefinition, FormDefinition, Locale } from '@tessera/schema';
import type { TFunction } from 'i18next';
import { fieldLabel } from '../../shared/widgets/fields/field-format';
import { FieldValue } from '../../shared/widgets/fields/field-value';
import type { RecordItem } from '../../shared/widgets/fields/field-api-types';
import { widgetFor } from '../../shared/widgets/fields/field-widget-registry';
import type { ColumnPrefs } from './use-column-prefs';

export interface ColumnChoice {
  key: string;
  label: string;
}

const SYSTEM_COLUMNS = ['created_at', 'updated_at', 'created_by'] as const;

function defaultWidth(field: FieldDefinition): number {
  switch (field.type) {
    case 'number':
    case 'amount':
    case 'percent':
    case 'rating':
    case 'switch':
    case 'date':
      return 140;
    case 'textarea':
    case 'rich_text':
    case 'sub_table':
      return 240;
    default:
      return 180;
  }
}

/** The columns a table can show: every value field of the form, then created/updated. */
export function columnChoices(definition: FormDefinition, locale: Locale, t: TFunction): ColumnChoice[] {
  const fields = definition.fields.filter((f) => !widgetFor(f).layout);
  return [
    ...fields.map((f) => ({ key: f.key, label: fieldLabel(f, locale) })),
    ...SYSTEM_COLUMNS.filter((k) => !definition.fields.some((f) => f.key === k)).map((k) => ({
      key: `$${k}`,
      label: t(`runtime.system.${k}`),
    })),
  ];
}

/** antd columns for the visible choices: cells through the widget registry, sortable when queryable. */
export function tableColumns(
  compiled: CompiledForm,
  prefs: ColumnPrefs,
  sort: { field: string; direction: 'asc' | 'desc' } | undefined,
  locale: Locale,
  t: TFunction,
): TableColumnType<RecordItem>[] {
  const sortable = new Set(compiled.queryableFields().map((q) => q.key));
  const order = (key: string) => (sort?.field === key ? (sort.direction === 'asc' ? 'ascend' : 'descend') : null);
  const out: TableColumnType<RecordItem>[] = [];
  for (const choice of columnChoices(compiled.form, locale, t)) {
    if (prefs.hidden.includes(choice.key)) continue;
    if (choice.key.startsWith('$')) {
      const column = choice.key.slice(1);
      out.push({
        key: choice.key,
        dataIndex: column,
        title: choice.label,
        width: prefs.widths[choice.key] ?? 170,
        sorter: column !== 'created_by',
        sortOrder: order(column),
        ellipsis: true,
        render: (_: unknown, record: RecordItem) =>
          column === 'created_by'
            ? ((record.display.created_by as string | undefined) ?? '—')
            : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
                new Date(column === 'created_at' ? record.createdAt : record.updatedAt),
              ),
      });
      continue;
    }
    const field = compiled.field(choice.key);
    if (!field) continue;
    out.push({
      key: field.key,
      dataIndex: field.key,
      title: choice.label,
      width: prefs.widths[field.key] ?? defaultWidth(field),
      sorter: sortable.has(field.key),
      sortOrder: order(field.key),
      ellipsis: true,
      render: (_: unknown, record: RecordItem) => (
        <FieldValue
          field={field}
          value={record.values[field.key]}
          display={record.display[field.key]}
          locale={locale}
          compact
        />
      ),
    });
  }
  return out;
}
