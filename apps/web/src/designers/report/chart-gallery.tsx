import { StarFilled } from '@ant-design/icons';
import { CHART_TYPES, type ChartType } from '@tessera/schema';
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { chartFits, suggestedCharts, type ChartShape } from './chart-suggestions';
import { ChartTypeIcon } from './chart-type-icon';

/** Every chart type as a tile: the ones that suit the data are starred, the ones that cannot draw it disabled. */
export function ChartGallery({
  value,
  shape,
  onChange,
}: {
  value: ChartType;
  shape: ChartShape;
  onChange: (type: ChartType) => void;
}) {
  const { t } = useTranslation();
  const suggested = suggestedCharts(shape);
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('reports.designer.suggested')}: {suggested.map((s) => t(`reports.chartTypes.${s}`)).join(' · ')}
      </Typography.Text>
      <div className="rd-gallery" role="radiogroup" aria-label={t('reports.designer.chartType')}>
        {CHART_TYPES.map((type) => {
          const fits = chartFits(type, shape);
          const isSuggested = suggested.includes(type);
          return (
            <Tooltip key={type} title={fits ? undefined : t('reports.designer.doesNotFit')}>
              <button
                type="button"
                role="radio"
                aria-checked={value === type}
                disabled={!fits}
                className={`rd-gallery-tile${value === type ? ' rd-gallery-tile-active' : ''}`}
                onClick={() => onChange(type)}
                data-testid={`chart-type-${type}`}
              >
                {isSuggested && <StarFilled className="rd-gallery-star" />}
                <ChartTypeIcon type={type} />
                <span>{t(`reports.chartTypes.${type}`)}</span>
              </button>
            </Tooltip>
          );
        })}
      </div>
    </div>
  );
}
