import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Tooltip, Typography } from 'antd';
import { useRef } from 'react';
import { useDrag } from 'react-dnd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChartTypeIcon } from '../../designers/report/chart-type-icon';
import type { StoredReport } from '../../shared/charts/report-api';
import { REPORT_DRAG, type ReportDragItem } from './report-drag';

function PaletteReport({ report, placed, onAdd }: { report: StoredReport; placed: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  const node = useRef<HTMLDivElement>(null);
  const [{ dragging }, connect] = useDrag<ReportDragItem, unknown, { dragging: boolean }>(
    () => ({
      type: REPORT_DRAG,
      item: { reportKey: report.key },
      canDrag: () => !placed,
      collect: (m) => ({ dragging: m.isDragging() }),
    }),
    [report.key, placed],
  );
  connect(node);
  return (
    <div
      ref={node}
      className={`db-palette-item${placed ? ' db-palette-item-placed' : ''}`}
      style={{ opacity: dragging ? 0.4 : 1 }}
      data-testid={`palette-report-${report.key}`}
    >
      <ChartTypeIcon type={report.definition.chart.type} size={16} />
      <Typography.Text ellipsis style={{ flex: 1 }}>
        {report.definition.name}
      </Typography.Text>
      {!placed && (
        <Tooltip title={t('reports.dashboard.addToDashboard')}>
          <Button
            size="small"
            type="text"
            icon={<PlusOutlined />}
            onClick={onAdd}
            aria-label={t('reports.dashboard.addToDashboard')}
          />
        </Tooltip>
      )}
    </div>
  );
}

/** Edit mode's left pane: the app's saved reports, to drag onto the grid (or add with +), and "New report". */
export function ReportPalette({
  appId,
  reports,
  placedKeys,
  onAdd,
}: {
  appId: string;
  reports: readonly StoredReport[];
  placedKeys: ReadonlySet<string>;
  onAdd: (reportKey: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={6} className="db-palette" data-testid="report-palette">
      <Typography.Text strong>{t('reports.dashboard.reports')}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('reports.dashboard.dragReport')}
      </Typography.Text>
      {reports.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.dashboard.noReports')} />
      )}
      {reports.map((r) => (
        <PaletteReport key={r.key} report={r} placed={placedKeys.has(r.key)} onAdd={() => onAdd(r.key)} />
      ))}
      <Link to={`/apps/${appId}/reports/new`}>
        <Button block icon={<PlusOutlined />} style={{ marginTop: 8 }}>
          {t('reports.dashboard.newReport')}
        </Button>
      </Link>
    </Flex>
  );
}
