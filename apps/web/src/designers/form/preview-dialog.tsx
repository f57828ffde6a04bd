import { DesktopOutlined, MobileOutlined } from '@ant-design/icons';
import type { FormDefinition } from '@tessera/schema';
import { Alert, App, Modal, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordForm } from '../../runtime/record-form/record-form';
import type { DesignerIssues } from './designer-issues';

type Device = 'desktop' | 'phone';

/** The draft rendered by the runtime's RecordForm, at desktop or phone width; submitting saves nothing. */
export function PreviewDialog(props: { definition: FormDefinition; issues: DesignerIssues; onClose: () => void }) {
  const { definition, issues, onClose } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [device, setDevice] = useState<Device>('desktop');
  return (
    <Modal
      open
      width={device === 'desktop' ? 960 : 520}
      title={t('designer.preview.title')}
      footer={null}
      onCancel={onClose}
      data-testid="preview-dialog"
    >
      <Segmented<Device>
        style={{ marginBottom: 16 }}
        value={device}
        onChange={setDevice}
        options={[
          { value: 'desktop', label: t('designer.preview.desktop'), icon: <DesktopOutlined /> },
          { value: 'phone', label: t('designer.preview.phone'), icon: <MobileOutlined /> },
        ]}
        data-testid="preview-device"
      />
      {issues.all.length > 0 ? (
        <Alert type="warning" showIcon title={t('designer.preview.invalid')} />
      ) : (
        <div className={`fd-preview-frame${device === 'phone' ? ' is-phone' : ''}`} data-testid="preview-frame">
          <RecordForm
            key={device}
            definition={definition}
            mode="create"
            onSubmit={async () => {
              message.info(t('designer.preview.submitted'));
            }}
          />
        </div>
      )}
    </Modal>
  );
}
