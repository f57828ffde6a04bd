import { Alert, Button, Modal, Table } from 'antd';
import type { FormDefinition } from '@tessera/schema';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n/use-language';
import type { RecordItem } from '../../shared/widgets/fields/field-api-types';
import { fieldLabel } from '../../shared/widgets/fields/field-format';
import { FieldValue } from '../../shared/widgets/fields/field-value';

/** Someone saved the record meanwhile (409): show my changes next to theirs; reload theirs or overwrite with mine. */
export function ConflictDialog({
  definition,
  mine,
  theirs,
  onReload,
  onOverwrite,
  onCancel,
  overwriting,
}: {
  definition: FormDefinition;
  mine: Record<string, unknown>;
  theirs: RecordItem;
  onReload: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
  overwriting: boolean;
}) {
  const { t } = useTranslation();
  const { language: locale } = useLanguage();
  const rows = Object.keys(mine)
    .map((key) => definition.fields.find((f) => f.key === key))
    .filter((f) => f !== undefined);
  return (
    <Modal
      open
      width={720}
      title={t('runtime.conflict.title')}
      onCancel={onCancel}
      data-testid="conflict-dialog"
      footer={[
        <Button key="reload" onClick={onReload}>
          {t('runtime.conflict.reload')}
        </Button>,
        <Button key="overwrite" type="primary" danger loading={overwriting} onClick={onOverwrite}>
          {t('runtime.conflict.overwrite')}
        </Button>,
      ]}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('runtime.conflict.explain', { name: theirs.display.updated_by ?? '' })}
      />
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          {
            key: 'field',
            title: t('runtime.conflict.field'),
            render: (_: unknown, f) => fieldLabel(f, locale),
            width: 160,
          },
          {
            key: 'mine',
            title: t('runtime.conflict.mine'),
            render: (_: unknown, f) => <FieldValue field={f} value={mine[f.key]} locale={locale} compact />,
          },
          {
            key: 'theirs',
            title: t('runtime.conflict.theirs'),
            render: (_: unknown, f) => (
              <FieldValue
                field={f}
                value={theirs.values[f.key]}
                display={theirs.display[f.key]}
                locale={locale}
                compact
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
