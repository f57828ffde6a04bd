import { DeleteOutlined, PlusOutlined, SubnodeOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Segmented, Select, Typography } from 'antd';
import { operatorsForKind } from '@tessera/query';
import type { Condition, ConditionOperator, RuleCondition } from '@tessera/schema';
import { useTranslation } from 'react-i18next';
import { emptyValue, fromGroup, isGroup, newRule, toGroup, type ConditionGroup } from './condition-model';
import type { ConditionField } from './condition-types';
import { ConditionValueInput } from './condition-value-input';

export type { ConditionField } from './condition-types';

export interface ConditionBuilderProps {
  fields: readonly ConditionField[];
  value: Condition | undefined;
  onChange: (value: Condition | undefined) => void;
}

const MAX_DEPTH = 3;

function RuleRow({
  rule,
  fields,
  onChange,
  onRemove,
}: {
  rule: RuleCondition;
  fields: readonly ConditionField[];
  onChange: (rule: RuleCondition) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const field = fields.find((f) => f.key === rule.field);
  return (
    <Flex gap={6} wrap align="center" data-testid="condition-rule">
      <Select
        style={{ width: 170 }}
        value={rule.field}
        showSearch={{ optionFilterProp: 'label' }}
        options={fields.map((f) => ({ value: f.key, label: f.label }))}
        onChange={(key: string) => {
          const next = fields.find((f) => f.key === key);
          if (next) onChange(newRule(next));
        }}
        data-testid="condition-field"
      />
      {field && (
        <>
          <Select
            style={{ width: 130 }}
            value={rule.op}
            options={operatorsForKind(field.kind).map((op) => ({ value: op, label: t(`runtime.condition.ops.${op}`) }))}
            onChange={(op: ConditionOperator) => onChange({ field: rule.field, op, value: emptyValue(field.kind, op) })}
            data-testid="condition-op"
          />
          <ConditionValueInput
            field={field}
            op={rule.op}
            value={rule.value}
            onChange={(value) =>
              onChange(value === undefined ? { field: rule.field, op: rule.op } : { ...rule, value })
            }
          />
        </>
      )}
      <Button type="text" icon={<DeleteOutlined />} aria-label={t('runtime.common.remove')} onClick={onRemove} />
    </Flex>
  );
}

function GroupEditor({
  group,
  fields,
  depth,
  onChange,
  onRemove,
}: {
  group: ConditionGroup;
  fields: readonly ConditionField[];
  depth: number;
  onChange: (group: ConditionGroup) => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const setItem = (index: number, item: RuleCondition | ConditionGroup) =>
    onChange({ ...group, items: group.items.map((x, i) => (i === index ? item : x)) });
  const removeItem = (index: number) => onChange({ ...group, items: group.items.filter((_, i) => i !== index) });
  return (
    <Flex
      vertical
      gap={8}
      style={
        depth > 0
          ? { padding: 10, borderRadius: 8, background: 'rgba(0,0,0,0.025)', border: '1px solid rgba(5,5,5,0.06)' }
          : undefined
      }
    >
      <Flex align="center" gap={8}>
        <Typography.Text type="secondary">{t('runtime.condition.match')}</Typography.Text>
        <Segmented
          size="small"
          value={group.combinator}
          options={[
            { value: 'and', label: t('runtime.condition.all') },
            { value: 'or', label: t('runtime.condition.any') },
          ]}
          onChange={(combinator) => onChange({ ...group, combinator: combinator as 'and' | 'or' })}
        />
        <Typography.Text type="secondary">{t('runtime.condition.ofTheFollowing')}</Typography.Text>
        {onRemove && (
          <Button
            type="text"
            size="small"
            icon={<DeleteOutlined />}
            onClick={onRemove}
            aria-label={t('runtime.common.remove')}
          />
        )}
      </Flex>
      {group.items.length === 0 && depth === 0 && (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('runtime.condition.empty')}
          style={{ margin: '4px 0' }}
        />
      )}
      {group.items.map((item, i) =>
        isGroup(item) ? (
          <GroupEditor
            key={i}
            group={item}
            fields={fields}
            depth={depth + 1}
            onChange={(g) => setItem(i, g)}
            onRemove={() => removeItem(i)}
          />
        ) : (
          <RuleRow key={i} rule={item} fields={fields} onChange={(r) => setItem(i, r)} onRemove={() => removeItem(i)} />
        ),
      )}
      <Flex gap={8}>
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          disabled={fields.length === 0}
          onClick={() => onChange({ ...group, items: [...group.items, newRule(fields[0])] })}
          data-testid="condition-add-rule"
        >
          {t('runtime.condition.addRule')}
        </Button>
        {depth + 1 < MAX_DEPTH && (
          <Button
            size="small"
            type="dashed"
            icon={<SubnodeOutlined />}
            disabled={fields.length === 0}
            onClick={() =>
              onChange({
                ...group,
                items: [
                  ...group.items,
                  { combinator: group.combinator === 'and' ? 'or' : 'and', items: [newRule(fields[0])] },
                ],
              })
            }
          >
            {t('runtime.condition.addGroup')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}

/**
 * Edits a condition of the condition language: and/or groups (nested), a rule per row with the operators of the
 * field's value kind and a value input shaped by the operator (relative periods for dates). Used by the table
 * filter and by the designer's linkage rules.
 */
export function ConditionBuilder({ fields, value, onChange }: ConditionBuilderProps) {
  const group = toGroup(value);
  return (
    <div data-testid="condition-builder">
      <GroupEditor group={group} fields={fields} depth={0} onChange={(g) => onChange(fromGroup(g) ?? undefined)} />
    </div>
  );
}
