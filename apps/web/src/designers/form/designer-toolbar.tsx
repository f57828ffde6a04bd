import {
  ArrowLeftOutlined,
  CheckCircleFilled,
  CloudUploadOutlined,
  ExclamationCircleFilled,
  EyeOutlined,
  HistoryOutlined,
  RedoOutlined,
  SaveOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Badge, Button, Divider, Flex, List, Popover, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../shared/widgets/language-switch';
import { useDesignerCommands } from './designer-context';
import type { DesignerDocument } from './designer-document';
import type { DesignerIssues } from './designer-issues';
import { useLocalized } from './use-localized';

interface DesignerToolbarProps {
  name: string;
  dirty: boolean;
  saving: boolean;
  canUndo: boolean;
  canRedo: boolean;
  publishedVersion: number | null;
  issues: DesignerIssues;
  document: DesignerDocument;
  onUndo(): void;
  onRedo(): void;
  onSave(): void;
  onPreview(): void;
  onPublish(): void;
  onVersions(): void;
}

/** The problems of the draft; clicking one selects its field. */
function ProblemList({ issues, document }: { issues: DesignerIssues; document: DesignerDocument }) {
  const localized = useLocalized();
  const commands = useDesignerCommands();
  const entries = [
    ...[...issues.byField.entries()]
      .filter(([key]) => !key.includes('.'))
      .flatMap(([key, list]) => list.map((issue) => ({ key, issue }))),
    ...issues.form.map((issue) => ({ key: undefined, issue })),
  ];
  return (
    <List
      size="small"
      style={{ width: 360, maxHeight: 360, overflowY: 'auto' }}
      dataSource={entries}
      renderItem={({ key, issue }) => (
        <List.Item
          style={{ cursor: key ? 'pointer' : 'default' }}
          onClick={() => key && commands.select({ key })}
          data-testid="problem-item"
        >
          <Typography.Text style={{ fontSize: 12 }}>
            {key && <Typography.Text strong>{localized(document.fields[key]?.label) || key}: </Typography.Text>}
            {issue.message}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

/** The designer's header: back, form name and state, undo/redo, problems, versions, preview, save, publish. */
export function DesignerToolbar(props: DesignerToolbarProps) {
  const { t } = useTranslation();
  const { name, dirty, saving, canUndo, canRedo, publishedVersion, issues, document } = props;
  const problemCount = issues.all.length;
  return (
    <header className="fd-toolbar" data-testid="designer-toolbar">
      <Link to="/">
        <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('designer.page.back')} />
      </Link>
      <Typography.Text strong style={{ fontSize: 16 }} data-testid="designer-form-name">
        {name}
      </Typography.Text>
      {publishedVersion ? (
        <Tag color="green" data-testid="designer-published-version">
          {t('designer.page.publishedVersion', { version: publishedVersion })}
        </Tag>
      ) : (
        <Tag data-testid="designer-published-version">{t('designer.page.notPublished')}</Tag>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="designer-save-state">
        {dirty ? t('designer.page.unsaved') : t('designer.page.allSaved')}
      </Typography.Text>
      <Flex flex={1} />
      <Space size={4}>
        <Tooltip title={t('designer.page.undo')}>
          <Button
            type="text"
            icon={<UndoOutlined />}
            disabled={!canUndo}
            onClick={props.onUndo}
            aria-label={t('designer.page.undo')}
            data-testid="designer-undo"
          />
        </Tooltip>
        <Tooltip title={t('designer.page.redo')}>
          <Button
            type="text"
            icon={<RedoOutlined />}
            disabled={!canRedo}
            onClick={props.onRedo}
            aria-label={t('designer.page.redo')}
            data-testid="designer-redo"
          />
        </Tooltip>
      </Space>
      <Popover
        trigger="click"
        placement="bottomRight"
        title={problemCount ? t('designer.page.problemsTitle') : undefined}
        content={problemCount ? <ProblemList issues={issues} document={document} /> : t('designer.page.noProblems')}
      >
        <Button type="text" data-testid="designer-problems">
          {problemCount ? (
            <Badge count={problemCount} size="small" offset={[6, -2]}>
              <ExclamationCircleFilled style={{ color: '#ff4d4f' }} />{' '}
              {t('designer.page.problems', { count: problemCount })}
            </Badge>
          ) : (
            <>
              <CheckCircleFilled style={{ color: '#52c41a' }} /> {t('designer.page.noProblems')}
            </>
          )}
        </Button>
      </Popover>
      <Divider orientation="vertical" />
      <LanguageSwitch size="small" />
      <Button icon={<HistoryOutlined />} onClick={props.onVersions} data-testid="designer-versions">
        {t('designer.page.versions')}
      </Button>
      <Button icon={<EyeOutlined />} onClick={props.onPreview} data-testid="designer-preview">
        {t('designer.page.preview')}
      </Button>
      <Button icon={<SaveOutlined />} loading={saving} onClick={props.onSave} data-testid="designer-save">
        {t('designer.page.save')}
      </Button>
      <Button type="primary" icon={<CloudUploadOutlined />} onClick={props.onPublish} data-testid="designer-publish">
        {t('designer.page.publish')}
      </Button>
    </header>
  );
}
