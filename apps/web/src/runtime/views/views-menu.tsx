import {
  AppstoreOutlined,
  CheckOutlined,
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  EyeOutlined,
  SaveOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { App, Button, Checkbox, Dropdown, Form, Input, Modal, type ButtonProps, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/use-auth';
import { isApiProblem } from '../../shared/api/api-problem';
import { problemMessage } from '../shared/problem-message';
import type { SavedView, SavedViewsState, ViewKind, ViewSnapshot } from './use-saved-views';

type Dialog = { mode: 'create' } | { mode: 'rename'; view: SavedView } | null;

/** The saved views of a form: switch, save the current filter/sort/columns (or kanban grouping), rename, delete. */
export function ViewsMenu({
  views,
  active,
  kind,
  snapshot,
  onSelect,
}: {
  views: SavedViewsState;
  active: SavedView | undefined;
  kind: ViewKind;
  /** The page's current state, read when saving. */
  snapshot: () => ViewSnapshot;
  onSelect: (view: SavedView | undefined) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { me } = useAuth();
  const isAdmin = me?.isAdmin === true;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [busy, setBusy] = useState(false);

  const canChange = (view: SavedView) => (view.shared ? isAdmin : view.mine);
  const list = views.views ?? [];
  const mine = list.filter((v) => !v.shared);
  const sharedViews = list.filter((v) => v.shared);

  const failed = (error: unknown) => {
    if (isApiProblem(error) && error.status === 409) {
      message.warning(t('runtime.savedViews.stale'));
      views.reload();
    } else message.error(problemMessage(error, t));
  };

  const openDialog = (next: Dialog) => {
    setName(next?.mode === 'rename' ? next.view.name : '');
    setShared(next?.mode === 'rename' ? next.view.shared : false);
    setDialog(next);
  };

  const submitDialog = async () => {
    const trimmed = name.trim();
    if (!trimmed || !dialog) return;
    setBusy(true);
    try {
      if (dialog.mode === 'create') {
        const view = await views.create({ name: trimmed, kind, shared: isAdmin && shared, snapshot: snapshot() });
        message.success(t('runtime.savedViews.saved'));
        onSelect(view);
      } else {
        await views.update(dialog.view, { name: trimmed, ...(isAdmin ? { shared } : {}) });
        message.success(t('runtime.savedViews.renamed'));
      }
      setDialog(null);
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const saveChanges = async (view: SavedView) => {
    try {
      await views.update(view, { kind, snapshot: snapshot() });
      message.success(t('runtime.savedViews.saved'));
    } catch (error) {
      failed(error);
    }
  };

  const confirmDelete = (view: SavedView) =>
    void modal.confirm({
      title: t('runtime.savedViews.deleteConfirm', { name: view.name }),
      okText: t('runtime.common.delete'),
      cancelText: t('runtime.common.cancel'),
      okButtonProps: { danger: true, ...({ 'data-testid': 'view-delete-confirm' } as ButtonProps) },
      onOk: async () => {
        try {
          await views.remove(view);
          message.success(t('runtime.savedViews.deleted'));
          onSelect(undefined);
        } catch (error) {
          failed(error);
        }
      },
    });

  const viewItem = (view: SavedView) => ({
    key: `view:${view.id}`,
    icon: view.kind === 'kanban' ? <AppstoreOutlined /> : <TableOutlined />,
    label: (
      <span data-testid={`view-item-${view.name}`}>
        {view.name}
        {active?.id === view.id && <CheckOutlined style={{ marginInlineStart: 8 }} />}
      </span>
    ),
  });

  const items: MenuProps['items'] = [
    { key: 'all', icon: <EyeOutlined />, label: t('runtime.savedViews.allRecords') },
    ...(mine.length
      ? [{ type: 'group' as const, key: 'mine', label: t('runtime.savedViews.mine'), children: mine.map(viewItem) }]
      : []),
    ...(sharedViews.length
      ? [
          {
            type: 'group' as const,
            key: 'shared',
            label: t('runtime.savedViews.shared'),
            children: sharedViews.map(viewItem),
          },
        ]
      : []),
    { type: 'divider' as const },
    {
      key: 'save-as',
      icon: <SaveOutlined />,
      label: <span data-testid="view-save-as">{t('runtime.savedViews.saveAs')}</span>,
    },
    ...(active && canChange(active)
      ? [
          {
            key: 'save',
            icon: <SaveOutlined />,
            label: (
              <span data-testid="view-save-changes">{t('runtime.savedViews.saveChanges', { name: active.name })}</span>
            ),
          },
          {
            key: 'rename',
            icon: <EditOutlined />,
            label: <span data-testid="view-rename">{t('runtime.savedViews.rename')}</span>,
          },
          {
            key: 'delete',
            icon: <DeleteOutlined />,
            danger: true,
            label: <span data-testid="view-delete">{t('runtime.savedViews.delete')}</span>,
          },
        ]
      : []),
  ];

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          selectable: true,
          selectedKeys: [active ? `view:${active.id}` : 'all'],
          onClick: ({ key }) => {
            if (key === 'all') onSelect(undefined);
            else if (key.startsWith('view:')) onSelect(list.find((v) => `view:${v.id}` === key));
            else if (key === 'save-as') openDialog({ mode: 'create' });
            else if (key === 'save' && active) void saveChanges(active);
            else if (key === 'rename' && active) openDialog({ mode: 'rename', view: active });
            else if (key === 'delete' && active) confirmDelete(active);
          },
        }}
      >
        <Button data-testid="views-menu" icon={active?.shared ? <TeamOutlined /> : <EyeOutlined />}>
          {active ? active.name : t('runtime.savedViews.allRecords')} <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={dialog !== null}
        title={dialog?.mode === 'rename' ? t('runtime.savedViews.renameTitle') : t('runtime.savedViews.saveTitle')}
        okText={t('runtime.savedViews.ok')}
        cancelText={t('runtime.common.cancel')}
        confirmLoading={busy}
        okButtonProps={{ disabled: !name.trim(), ...({ 'data-testid': 'view-dialog-ok' } as ButtonProps) }}
        onOk={() => void submitDialog()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form layout="vertical" component="div">
          <Form.Item label={t('runtime.savedViews.nameLabel')} required>
            <Input
              autoFocus
              maxLength={100}
              value={name}
              placeholder={t('runtime.savedViews.namePlaceholder')}
              onChange={(e) => setName(e.target.value)}
              onPressEnter={() => void submitDialog()}
              data-testid="view-name"
            />
          </Form.Item>
          {isAdmin && (
            <Checkbox checked={shared} onChange={(e) => setShared(e.target.checked)} data-testid="view-shared">
              {t('runtime.savedViews.shareLabel')}
            </Checkbox>
          )}
        </Form>
      </Modal>
    </>
  );
}
