import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Popover } from 'antd';
import type { Condition } from '@tessera/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConditionBuilder, type ConditionField } from '../../shared/widgets/condition-builder/condition-builder';
import { countRules } from '../../shared/widgets/condition-builder/condition-model';

/** The filter popover: edit a condition, apply it to the table (the draft is kept until applied). */
export function FilterButton({
  fields,
  value,
  onApply,
}: {
  fields: readonly ConditionField[];
  value: Condition | undefined;
  onApply: (value: Condition | undefined) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Condition | undefined>(value);
  const count = countRules(value);
  const content = (
    <Flex vertical gap={12} style={{ minWidth: 560, maxWidth: 760 }}>
      <ConditionBuilder fields={fields} value={draft} onChange={setDraft} />
      <Flex justify="flex-end" gap={8}>
        <Button
          onClick={() => {
            setDraft(undefined);
            onApply(undefined);
            setOpen(false);
          }}
        >
          {t('runtime.filter.clear')}
        </Button>
        <Button
          type="primary"
          data-testid="filter-apply"
          onClick={() => {
            onApply(draft);
            setOpen(false);
          }}
        >
          {t('runtime.filter.apply')}
        </Button>
      </Flex>
    </Flex>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomLeft"
      open={open}
      onOpenChange={(next) => {
        if (next) setDraft(value);
        setOpen(next);
      }}
      title={t('runtime.filter.title')}
      content={content}
    >
      <Badge count={count} size="small" color="blue">
        <Button
          icon={<FilterOutlined />}
          type={count ? 'primary' : 'default'}
          ghost={count > 0}
          data-testid="filter-button"
        >
          {t('runtime.filter.button')}
        </Button>
      </Badge>
    </Popover>
  );
}
