import { BarChartOutlined } from '@ant-design/icons';
import { Alert, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChartView } from '../../shared/charts/chart-view';
import type { ChartLocale } from '../../shared/charts/report-api';
import type { ValueLabels } from '../../shared/charts/relabel-option';
import type { PreviewState } from './use-report-preview';

const HEIGHT = 400;

/** The live preview pane: the chart of the current (unsaved) definition, its row count and query time. */
export function ReportPreview({
  state,
  locale,
  valueLabels,
}: {
  state: PreviewState;
  locale: ChartLocale;
  valueLabels: ValueLabels;
}) {
  const { t } = useTranslation();
  const shown = state.status === 'ready' ? state : state.status === 'loading' ? state.last : undefined;
  return (
    <div className="rd-preview" data-testid="report-preview">
      <Flex justify="space-between" align="center" className="rd-preview-head">
        <Typography.Text strong>{t('reports.designer.preview')}</Typography.Text>
        <Flex gap={8} align="center">
          {state.status === 'loading' && <Spin size="small" />}
          {shown && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="preview-meta">
              {t('reports.designer.previewMeta', { rows: shown.run.rows.length, ms: Math.round(shown.run.sqlMs) })}
            </Typography.Text>
          )}
        </Flex>
      </Flex>
      {state.status === 'error' && (
        <Alert type="warning" showIcon title={t('reports.designer.previewFailed')} description={state.message} />
      )}
      {state.status === 'empty' && (
        <Flex align="center" justify="center" style={{ height: HEIGHT }}>
          <Empty
            image={<BarChartOutlined style={{ fontSize: 56, color: '#c7cedb' }} />}
            description={t('reports.designer.previewEmpty')}
          />
        </Flex>
      )}
      {shown && (
        <div style={{ opacity: state.status === 'loading' ? 0.55 : 1, transition: 'opacity .2s' }}>
          <ChartView
            report={shown.definition}
            option={shown.run.chartOption}
            rows={shown.run.rows}
            height={HEIGHT}
            locale={locale}
            valueLabels={valueLabels}
            testId="preview-chart"
          />
        </div>
      )}
      {state.status === 'loading' && !shown && (
        <Flex align="center" justify="center" style={{ height: HEIGHT }}>
          <Spin />
        </Flex>
      )}
    </div>
  );
}
