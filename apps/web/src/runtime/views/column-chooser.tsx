import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, InputNumber, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColumnChoice } from './table-columns';
import type { ColumnPrefs } from './use-column-prefs';

/** Show/hide columns and set their widths. */
export function ColumnChooser({
  choices,
  prefs,
  onChange,
}: {
  choices: ColumnChoice[];
  prefs: ColumnPrefs;
  onChange: (prefs: ColumnPrefs) => void;
}) {
  const { t } = useTranslation();
  const content = (
    <Flex vertical gap={6} style={{ maxHeight: 380, overflow: 'auto', minWidth: 280 }} data-testid="column-chooser">
      <Flex justify="space-between">
        <Typography.Text type="secondary">{t('runtime.table.columnsHint')}</Typography.Text>
        <Typography.Link onClick={() => onChange({ hidden: [], widths: {} })}>
          {t('runtime.table.resetColumns')}
        </Typography.Link>
      </Flex>
      {choices.map((c) => (
        <Flex key={c.key} justify="space-between" align="center" gap={12}>
          <Checkbox
            checked={!prefs.hidden.includes(c.key)}
            onChange={(e) =>
              onChange({
                ...prefs,
                hidden: e.target.checked ? prefs.hidden.filter((k) => k !== c.key) : [...prefs.hidden, c.key],
              })
            }
          >
            {c.label}
          </Checkbox>
          <InputNumber<number>
            size="small"
            min={60}
            max={800}
            step={20}
            style={{ width: 90 }}
            placeholder={t('runtime.table.auto')}
            value={prefs.widths[c.key] ?? null}
            suffix="px"
            onChange={(w) => {
              const widths = { ...prefs.widths };
              if (w) widths[c.key] = w;
              else delete widths[c.key];
              onChange({ ...prefs, widths });
            }}
          />
        </Flex>
      ))}
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" content={content} title={t('runtime.table.columns')}>
      <Button icon={<SettingOutlined />}>{t('runtime.table.columns')}</Button>
    </Popover>
  );
}
