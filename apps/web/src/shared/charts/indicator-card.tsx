import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { formatNumber } from '@tessera/report-engine';
import { Flex, Progress, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LooseOption } from './chart-option-access';
import type { ChartLocale } from './report-api';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The indicator card: one big number, its change vs the previous period and its progress to the target. */
export function IndicatorCard({
  block,
  locale,
  onClick,
}: {
  block: LooseOption;
  locale: ChartLocale;
  onClick?: () => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const change = num(block.change);
  const progress = num(block.progress);
  const trendColor = change === null || change === 0 ? token.colorTextSecondary : change > 0 ? '#16a34a' : '#dc2626';
  const TrendIcon = change === null || change === 0 ? MinusOutlined : change > 0 ? ArrowUpOutlined : ArrowDownOutlined;
  return (
    <Flex
      vertical
      justify="center"
      gap={8}
      style={{ height: '100%', padding: '8px 16px', cursor: onClick ? 'pointer' : undefined }}
      onClick={onClick}
      data-testid="indicator-card"
    >
      <Typography.Text type="secondary">{String(block.label ?? '')}</Typography.Text>
      <Typography.Text style={{ fontSize: 36, fontWeight: 600, lineHeight: 1.1, letterSpacing: -0.5 }}>
        {String(block.formatted ?? '–')}
      </Typography.Text>
      {block.previous !== undefined && block.previous !== null && (
        <Flex gap={6} align="center" style={{ color: trendColor }}>
          <TrendIcon />
          <span>{change === null ? '–' : formatNumber(change, locale, { style: 'percent', decimals: 1 })}</span>
          <Typography.Text type="secondary">{t('reports.chart.vsPrevious')}</Typography.Text>
        </Flex>
      )}
      {progress !== null && (
        <div>
          <Progress percent={Math.round(progress * 1000) / 10} size="small" strokeColor={token.colorPrimary} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('reports.chart.ofTarget', { target: formatNumber(num(block.target), locale) })}
          </Typography.Text>
        </div>
      )}
    </Flex>
  );
}
