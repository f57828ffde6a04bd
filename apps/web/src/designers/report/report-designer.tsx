import { AppstoreOutlined, FilterOutlined, FunctionOutlined } from '@ant-design/icons';
import type { ChartType, ReportDefinition, ValueKind } from '@tessera/schema';
import { Empty, Select, Spin, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { valueLabelsOf } from '../../shared/charts/relabel-option';
import type { CatalogForm } from '../../shared/charts/use-app-catalog';
import { useLanguage } from '../../shared/i18n/use-language';
import { ConditionBuilder } from '../../shared/widgets/condition-builder/condition-builder';
import { ChartGallery } from './chart-gallery';
import { ChartSettingsPanel } from './chart-settings-panel';
import { applyChartType, suggestedCharts, type ChartShape } from './chart-suggestions';
import { DimensionPill } from './dimension-pill';
import { RECORD_COUNT_REF } from './drag-types';
import { FieldList } from './field-list';
import { FieldWell } from './field-well';
import { GoalsSettingsPanel } from './goals-settings-panel';
import { MeasurePill } from './measure-pill';
import {
  addDimension,
  addFilterField,
  addMeasure,
  canGroupBy,
  effectiveDefinition,
  setMeasureAggregate,
} from './report-draft';
import { acceptsGoals } from './report-goals';
import { ReportPreview } from './report-preview';
import type { SourceField } from './source-fields';
import { useReportPreview } from './use-report-preview';
import type { SourceFieldsState } from './use-source-fields';

export interface ReportDesignerProps {
  definition: ReportDefinition | undefined;
  source: SourceFieldsState;
  /** False once the user picked a chart type: then the gallery stops following the suggestions. */
  autoChart: boolean;
  forms: readonly CatalogForm[];
  onPickForm: (formKey: string) => void;
  onChange: (definition: ReportDefinition, chartPicked?: boolean) => void;
}

/** The three panes of the report designer: fields, wells + live preview, chart gallery + settings. */
export function ReportDesigner({ definition, source, autoChart, forms, onPickForm, onChange }: ReportDesignerProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const fields = useMemo(() => (source.status === 'ready' ? source.fields : []), [source]);
  const fieldOf = useCallback((ref: string) => fields.find((f) => f.ref === ref), [fields]);
  const kindOf = useCallback((ref: string): ValueKind | undefined => fieldOf(ref)?.kind, [fieldOf]);

  const shapeOf = useCallback(
    (def: ReportDefinition): ChartShape => ({
      dimensions: def.dimensions.map((d) => fieldOf(d.field)).filter((f): f is SourceField => f !== undefined),
      measureCount: Math.max(1, def.measures.length),
      hasTarget: def.target !== undefined,
    }),
    [fieldOf],
  );

  /** Applies an edit; while the user has not picked a chart, the best suggestion follows the data. */
  const edit = useCallback(
    (next: ReportDefinition) => {
      if (!autoChart) return onChange(next);
      const best = suggestedCharts(shapeOf(next))[0];
      onChange(best && best !== next.chart.type ? applyChartType(next, best, fields) : next);
    },
    [autoChart, onChange, shapeOf, fields],
  );

  const previewDefinition = useMemo(
    () =>
      definition && source.status === 'ready' && (definition.dimensions.length || definition.measures.length)
        ? effectiveDefinition(definition, kindOf)
        : undefined,
    [definition, source.status, kindOf],
  );
  const preview = useReportPreview(previewDefinition, language);
  const valueLabels = useMemo(
    () =>
      valueLabelsOf(
        [...(definition?.dimensions.map((d) => d.field) ?? []), definition?.funnel?.stageField]
          .map((ref) => (ref ? fieldOf(ref) : undefined))
          .filter((f): f is SourceField => f !== undefined),
      ),
    [definition?.dimensions, definition?.funnel, fieldOf],
  );

  const acceptsDimension = useCallback(
    (ref: string) => {
      const f = fieldOf(ref);
      return !!f && canGroupBy(f);
    },
    [fieldOf],
  );
  const acceptsMeasure = useCallback((ref: string) => ref === RECORD_COUNT_REF || !!fieldOf(ref), [fieldOf]);
  const acceptsFilter = useCallback((ref: string) => !!fieldOf(ref), [fieldOf]);
  const dropDimension = useCallback(
    (ref: string) => {
      const f = fieldOf(ref);
      if (definition && f) edit(addDimension(definition, f));
    },
    [definition, edit, fieldOf],
  );
  const dropMeasure = useCallback(
    (ref: string) =>
      definition && edit(addMeasure(definition, ref === RECORD_COUNT_REF ? null : (fieldOf(ref) ?? null))),
    [definition, edit, fieldOf],
  );
  const dropFilter = useCallback(
    (ref: string) => {
      const f = fieldOf(ref);
      if (definition && f) onChange(addFilterField(definition, f));
    },
    [definition, onChange, fieldOf],
  );

  const formPicker = (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%' }}
      placeholder={t('reports.designer.pickForm')}
      value={definition?.source.form}
      onChange={onPickForm}
      options={forms.map((f) => ({ value: f.key, label: `${f.appName} / ${f.name}` }))}
      data-testid="report-source-form"
    />
  );

  if (!definition)
    return (
      <div className="rd-pick-form">
        <Empty description={t('reports.designer.pickFormFirst')}>
          <div style={{ width: 320, margin: '0 auto' }}>{formPicker}</div>
        </Empty>
      </div>
    );

  const conditionFields = fields.map((f) => ({ key: f.ref, label: f.label, kind: f.kind, options: f.options }));
  const pickChart = (type: ChartType) => onChange(applyChartType(definition, type, fields), true);

  return (
    <div className="rd-panes">
      <aside className="rd-left">
        <Typography.Text type="secondary" className="rd-pane-title">
          {t('reports.designer.source')}
        </Typography.Text>
        {formPicker}
        {source.status === 'loading' && <Spin style={{ margin: 24 }} />}
        {source.status === 'error' && <Empty description={t('reports.designer.formUnavailable')} />}
        {source.status === 'ready' && <FieldList fields={fields} />}
      </aside>
      <section className="rd-center">
        <div className="rd-wells">
          <FieldWell
            title={t('reports.designer.dimensions')}
            icon={<AppstoreOutlined />}
            hint={t('reports.designer.dimensionsHint')}
            testId="well-dimensions"
            accepts={acceptsDimension}
            onDropField={dropDimension}
          >
            {definition.dimensions.map((d, i) => (
              <DimensionPill
                key={d.field}
                dimension={d}
                field={fieldOf(d.field)}
                onChange={(dim) =>
                  onChange({ ...definition, dimensions: definition.dimensions.map((x, j) => (j === i ? dim : x)) })
                }
                onRemove={() => edit({ ...definition, dimensions: definition.dimensions.filter((_, j) => j !== i) })}
              />
            ))}
          </FieldWell>
          <FieldWell
            title={t('reports.designer.measures')}
            icon={<FunctionOutlined />}
            hint={t('reports.designer.measuresHint')}
            testId="well-measures"
            accepts={acceptsMeasure}
            onDropField={dropMeasure}
          >
            {definition.measures.map((m, i) => (
              <MeasurePill
                key={m.as}
                measure={m}
                field={m.field ? fieldOf(m.field) : undefined}
                onAggregate={(aggregate) => onChange(setMeasureAggregate(definition, i, aggregate))}
                onChange={(measure) =>
                  onChange({ ...definition, measures: definition.measures.map((x, j) => (j === i ? measure : x)) })
                }
                onRemove={() => edit({ ...definition, measures: definition.measures.filter((_, j) => j !== i) })}
              />
            ))}
          </FieldWell>
          <FieldWell
            title={t('reports.designer.filters')}
            icon={<FilterOutlined />}
            hint={t('reports.designer.filtersHint')}
            testId="well-filters"
            accepts={acceptsFilter}
            onDropField={dropFilter}
          >
            {definition.filters ? (
              <div className="rd-filters">
                <ConditionBuilder
                  fields={conditionFields}
                  value={definition.filters}
                  onChange={(filters) => onChange({ ...definition, filters })}
                />
              </div>
            ) : undefined}
          </FieldWell>
        </div>
        <ReportPreview state={preview} locale={language} valueLabels={valueLabels} />
      </section>
      <aside className="rd-right">
        <Typography.Text type="secondary" className="rd-pane-title">
          {t('reports.designer.chartType')}
        </Typography.Text>
        <ChartGallery value={definition.chart.type} shape={shapeOf(definition)} onChange={pickChart} />
        <Typography.Text type="secondary" className="rd-pane-title" style={{ marginTop: 20 }}>
          {t('reports.designer.appearance')}
        </Typography.Text>
        <ChartSettingsPanel definition={definition} fields={fields} onChange={onChange} />
        {acceptsGoals(definition) && (
          <>
            <Typography.Text type="secondary" className="rd-pane-title" style={{ marginTop: 20 }}>
              {t('reports.designer.goals')}
            </Typography.Text>
            <GoalsSettingsPanel definition={definition} fields={fields} forms={forms} onChange={edit} />
          </>
        )}
      </aside>
    </div>
  );
}
