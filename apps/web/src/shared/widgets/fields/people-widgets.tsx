import { ApartmentOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Select, Space, Tag, Typography } from 'antd';
import type { FieldWidget } from './field-widget';
import { asStringList, displayNames, fieldPlaceholder } from './field-format';
import { EmptyValue } from './empty-value';
import { useDirectory } from './use-directory';

function PeopleTags({ names, kind }: { names: string[]; kind: 'user' | 'department' }) {
  if (names.length === 0) return <EmptyValue />;
  return (
    <Space size={4} wrap>
      {names.map((name, i) => (
        <Tag
          key={`${name}-${i}`}
          icon={kind === 'user' ? <UserOutlined /> : <ApartmentOutlined />}
          bordered={false}
          style={{ marginInlineEnd: 0 }}
        >
          {name}
        </Tag>
      ))}
    </Space>
  );
}

/** Names of the ids: from the record's display names, else from the directory, else the id itself. */
function useNames(ids: string[], display: unknown, kind: 'user' | 'department'): string[] {
  const shown = displayNames(display);
  const directory = useDirectory(shown.length < ids.length);
  if (shown.length >= ids.length) return shown;
  const list: { id: string; name: string }[] = kind === 'user' ? directory.users : directory.departments;
  return ids.map((id) => list.find((x) => x.id === id)?.name ?? id.slice(0, 8));
}

/** member and department pickers, single or multiple (field.multiple), fed by /users and /departments. */
export const peopleWidget: FieldWidget<'member' | 'department'> = {
  Input({ field, value, onChange, locale, disabled, invalid, id }) {
    const directory = useDirectory();
    const options =
      field.type === 'member'
        ? directory.users
            .filter((u) => u.isActive)
            .map((u) => ({
              value: u.id,
              search: `${u.name} ${u.email}`,
              label: (
                <Space size={6}>
                  <Avatar size={18} style={{ fontSize: 11 }}>
                    {u.name.slice(0, 1)}
                  </Avatar>
                  {u.name}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {u.email}
                  </Typography.Text>
                </Space>
              ),
            }))
        : directory.departments.map((d) => ({
            value: d.id,
            search: d.name,
            label: <span style={{ paddingInlineStart: d.depth * 14 }}>{d.name}</span>,
          }));
    const multiple = field.multiple === true;
    return (
      <Select
        id={id}
        mode={multiple ? 'multiple' : undefined}
        allowClear
        loading={!directory.loaded}
        showSearch={{ optionFilterProp: 'search' }}
        value={multiple ? asStringList(value) : typeof value === 'string' ? value : undefined}
        disabled={disabled}
        status={invalid ? 'error' : undefined}
        placeholder={fieldPlaceholder(field, locale)}
        options={options}
        optionLabelProp="label"
        onChange={(next: string | string[] | undefined) =>
          onChange(Array.isArray(next) ? (next.length ? next : null) : (next ?? null))
        }
      />
    );
  },
  Display({ field, value, display }) {
    const kind = field.type === 'member' ? 'user' : 'department';
    const names = useNames(asStringList(value), display, kind);
    return <PeopleTags names={names} kind={kind} />;
  },
};

/** created_by / updated_by / owner: a person shown by name. The owner is assigned by the record's owner id. */
export const personDisplayWidget: FieldWidget<'created_by' | 'updated_by' | 'owner'> = {
  Input({ value, display }) {
    const names = useNames(asStringList(value), display, 'user');
    return <PeopleTags names={names} kind="user" />;
  },
  Display({ value, display }) {
    const names = useNames(asStringList(value), display, 'user');
    return <PeopleTags names={names} kind="user" />;
  },
};
