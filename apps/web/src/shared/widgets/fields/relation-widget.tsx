import { LinkOutlined } from '@ant-design/icons';
import { Select, Space, Tag } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { apiClient, callApi } from '../../api/api-client';
import type { FieldWidget } from './field-widget';
import type { RecordItem } from './field-api-types';
import { asStringList, displayNames, fieldPlaceholder } from './field-format';
import { EmptyValue } from './empty-value';
import { recordTitle } from './record-title';
import { usePublishedDefinition } from './use-published-definition';

const PAGE = 20;

/** relation: a searchable picker over the target form's records (q=), showing their titles. */
export const relationWidget: FieldWidget<'relation'> = {
  Input({ field, value, onChange, onFill, locale, disabled, invalid, id, display }) {
    const target = field.relation.form;
    const definition = usePublishedDefinition(target);
    const titleForm = useMemo(
      () =>
        definition
          ? { fields: definition.fields, titleField: field.relation.displayField ?? definition.titleField }
          : undefined,
      [definition, field.relation.displayField],
    );
    const [search, setSearch] = useState('');
    const [records, setRecords] = useState<RecordItem[]>([]);
    const [loading, setLoading] = useState(false);
    const known = useRef(new Map<string, string>());
    const ids = asStringList(value);
    displayNames(display).forEach((name, i) => ids[i] && !known.current.has(ids[i]) && known.current.set(ids[i], name));

    useEffect(() => {
      let alive = true;
      const timer = setTimeout(() => {
        setLoading(true);
        callApi(
          apiClient.POST('/api/v1/forms/{formKey}/records/query', {
            params: { path: { formKey: target } },
            body: { search: search || undefined, limit: PAGE, total: false },
          }),
        )
          .then((page) => alive && setRecords(page.items))
          .catch(() => alive && setRecords([]))
          .finally(() => alive && setLoading(false));
      }, 250);
      return () => {
        alive = false;
        clearTimeout(timer);
      };
    }, [target, search]);

    for (const r of records) known.current.set(r.id, recordTitle(r, titleForm, locale));
    const options = records.map((r) => ({ value: r.id, label: known.current.get(r.id) ?? r.id }));
    for (const id of ids)
      if (!options.some((o) => o.value === id))
        options.push({ value: id, label: known.current.get(id) ?? `#${id.slice(0, 8)}` });

    const fill = (picked: string | undefined) => {
      if (!onFill || !field.relation.fill || !picked) return;
      const record = records.find((r) => r.id === picked);
      if (!record) return;
      const values: Record<string, unknown> = {};
      for (const [to, from] of Object.entries(field.relation.fill)) values[to] = record.values[from] ?? null;
      onFill(values);
    };
    const multiple = field.relation.multiple === true;
    return (
      <Select
        id={id}
        mode={multiple ? 'multiple' : undefined}
        allowClear
        showSearch={{ filterOption: false, onSearch: setSearch }}
        loading={loading}
        value={multiple ? ids : ids[0]}
        disabled={disabled}
        status={invalid ? 'error' : undefined}
        placeholder={fieldPlaceholder(field, locale)}
        options={options}
        suffixIcon={<LinkOutlined />}
        onChange={(next: string | string[] | undefined) => {
          if (Array.isArray(next)) onChange(next.length ? next : null);
          else {
            onChange(next ?? null);
            fill(next);
          }
        }}
      />
    );
  },
  Display({ field, value, display, compact }) {
    const ids = asStringList(value);
    const names = displayNames(display);
    if (ids.length === 0) return <EmptyValue />;
    return (
      <Space size={4} wrap>
        {ids.map((id, i) => {
          const name = names[i] ?? `#${id.slice(0, 8)}`;
          return (
            <Tag key={id} color="blue" bordered={false} style={{ marginInlineEnd: 0 }}>
              {compact ? (
                name
              ) : (
                <Link to={`/forms/${field.relation.form}/records/${id}`} onClick={(e) => e.stopPropagation()}>
                  {name}
                </Link>
              )}
            </Tag>
          );
        })}
      </Space>
    );
  },
};
