import type { DashboardDefinition } from '@tessera/schema';
import { App, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { reportApi } from '../../shared/charts/report-api';
import { notifyAnalyticsChanged } from './analytics-events';

const newDashboardKey = (): string => `dashboard_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Names and creates an empty dashboard in an app, then opens it in edit mode. */
export function NewDashboardDialog({ appId, onClose }: { appId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const create = async () => {
    if (!appId) return;
    const definition: DashboardDefinition = {
      key: newDashboardKey(),
      name: name.trim() || t('reports.dashboard.untitled'),
      items: [],
      filters: [],
      crossFilter: false,
      refreshSeconds: 0,
    };
    setBusy(true);
    try {
      const created = await reportApi.createDashboard(appId, definition);
      notifyAnalyticsChanged();
      onClose();
      setName('');
      void navigate(`/dashboards/${created.key}?edit=1`);
    } catch {
      message.error(t('reports.dashboard.saveFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={appId !== undefined}
      title={t('reports.dashboard.newDashboard')}
      okText={t('reports.dashboard.create')}
      confirmLoading={busy}
      onOk={() => void create()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Input
        autoFocus
        value={name}
        placeholder={t('reports.dashboard.untitled')}
        onChange={(e) => setName(e.target.value)}
        onPressEnter={() => void create()}
        aria-label={t('reports.dashboard.name')}
        data-testid="new-dashboard-name"
        maxLength={200}
      />
    </Modal>
  );
}
