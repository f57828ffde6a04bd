import {
  DeleteOutlined,
  DragOutlined,
  EditOutlined,
  FileExcelOutlined,
  FileImageOutlined,
  FilterFilled,
  MoreOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Flex, Result, Skeleton, Tooltip, Typography } from 'antd';
import type { EChartsType } from 'echarts/core';
import { useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ChartClick } from '../../shared/charts/chart-click';
import { ChartView } from '../../shared/charts/chart-view';
import {
  reportApi,
  type ChartLocale,
  type DashboardItemResult,
  type StoredReport,
} from '../../shared/charts/report-api';
import type { ValueLabels } from '../../shared/charts/relabel-option';
import { downloadFile } from './download-file';

const HEAD = 44;
const PAD = 12;

export interface DashboardCardProps {
  reportKey: string;
  report: StoredReport | undefined;
  result: DashboardItemResult | undefined;
  height: number;
  locale: ChartLocale;
  valueLabels?: ValueLabels;
  editing: boolean;
  /** This card's click is the active cross filter. */
  filtering: boolean;
  onHandlePointerDown?: (event: PointerEvent<HTMLElement>) => void;
  onPointClick: (click: ChartClick) => void;
  onRemove: () => void;
}

/** One chart on the dashboard: title, query time, the chart (click to drill or cross-filter), export menu. */
export function DashboardCard(props: DashboardCardProps) {
  const {
    reportKey,
    report,
    result,
    height,
    locale,
    valueLabels,
    editing,
    filtering,
    onHandlePointerDown,
    onPointClick,
    onRemove,
  } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const chart = useRef<EChartsType | null>(null);
  const name = report?.definition.name ?? reportKey;
  const bodyHeight = Math.max(60, height - HEAD - PAD);

  const exportPng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) downloadFile(url, `${name}.png`);
  };
  const exportXlsx = () =>
    reportApi
      .exportXlsx(reportKey)
      .then((blob) => downloadFile(blob, `${name}.xlsx`))
      .catch(() => message.error(t('reports.dashboard.exportFailed')));

  const menu = [
    { key: 'png', icon: <FileImageOutlined />, label: t('reports.dashboard.exportPng'), onClick: exportPng },
    {
      key: 'xlsx',
      icon: <FileExcelOutlined />,
      label: t('reports.dashboard.exportXlsx'),
      onClick: () => void exportXlsx(),
    },
    {
      key: 'design',
      icon: <EditOutlined />,
      label: t('reports.dashboard.designReport'),
      onClick: () => void navigate(`/reports/${reportKey}/design`),
    },
    ...(editing
      ? [
          { type: 'divider' as const },
          {
            key: 'remove',
            icon: <DeleteOutlined />,
            danger: true,
            label: t('reports.dashboard.removeFromDashboard'),
            onClick: onRemove,
          },
        ]
      : []),
  ];

  let body;
  if (!result || !report) body = <Skeleton active paragraph={{ rows: Math.max(1, Math.floor(bodyHeight / 40)) }} />;
  else if (result.error || !result.chartOption)
    body = <Result status="warning" subTitle={t('reports.dashboard.itemFailed')} style={{ padding: 12 }} />;
  else
    body = (
      <ChartView
        report={report.definition}
        option={result.chartOption}
        rows={result.rows ?? []}
        height={bodyHeight}
        locale={locale}
        valueLabels={valueLabels}
        compact={height < 260}
        onPointClick={editing ? undefined : onPointClick}
        onReady={(instance) => (chart.current = instance)}
        testId={`chart-${reportKey}`}
      />
    );

  return (
    <div className={`db-card${filtering ? ' db-card-filtering' : ''}`}>
      <Flex
        align="center"
        gap={8}
        className={`db-card-head${onHandlePointerDown ? ' db-card-head-draggable' : ''}`}
        onPointerDown={onHandlePointerDown}
      >
        {onHandlePointerDown && <DragOutlined className="db-card-drag" />}
        <Typography.Text strong ellipsis className="db-card-title" data-testid="dashboard-card-title">
          {name}
        </Typography.Text>
        {filtering && (
          <Tooltip title={t('reports.dashboard.crossFilter')}>
            <FilterFilled style={{ color: '#3b6cf6' }} />
          </Tooltip>
        )}
        <Flex flex={1} />
        {result?.sqlMs !== undefined && (
          <Typography.Text type="secondary" className="db-card-meta">
            {t('reports.dashboard.queryMs', { ms: Math.round(result.sqlMs) })}
          </Typography.Text>
        )}
        <Dropdown menu={{ items: menu }} trigger={['click']} placement="bottomRight">
          <Button
            type="text"
            size="small"
            icon={<MoreOutlined />}
            aria-label={t('reports.dashboard.more')}
            data-testid={`dashboard-card-menu-${reportKey}`}
          />
        </Dropdown>
      </Flex>
      <div className="db-card-body">{body}</div>
    </div>
  );
}
