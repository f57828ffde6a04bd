import type { CompareSpec, RelativePeriodName, ReportDefinition, TargetSpec } from '@tessera/schema';
import { Flex, InputNumber, Segmented, Select, Switch, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogForm } from '../../shared/charts/use-app-catalog';
import {
  COMPARE_PERIODS,
  defaultCompare,
  guessTarget,
  isOwnerField,
  isPeriodField,
  isValueField,
} from './report-goals';
import { SettingRow as Row } from './setting-row';
import type { SourceField } from './source-fields';
import { useSourceFields } from './use-source-fields';

const EMPTY_TARGET: TargetSpec = { targetForm: '', periodField: '', ownerField: '', valueField: '', matchBy: 'owner' };
const SELECT = { size: 'small', style: { width: 150 }, showSearch: { optionFilterProp: 'label' } } as const;

const optionsOf = (fields: readonly SourceField[], fits: (f: SourceField) => boolean) =>
  fields.filter((f) => fits(f) && !f.ref.includes('.')).map((f) => ({ value: f.ref, label: f.label }));

/**
 * Targets vs actuals and compare-to-previous-period: a target form (from the app catalogue) with its period,
 * owner and value fields, matched by owner or department; and the date field and period compared with the
 * period before it. Edits go straight into the definition, so the live preview shows the target and change.
 */
export function GoalsSettingsPanel({
  definition,
  fields,
  forms,
  onChange,
}: {
  definition: ReportDefinition;
  fields: readonly SourceField[];
  forms: readonly CatalogForm[];
  onChange: (definition: ReportDefinition) => void;
}) {
  const { t } = useTranslation();
  const { target, compare } = definition;
  const targetSource = useSourceFields(target?.targetForm || undefined);
  const targetFields = useMemo(() => (targetSource.status === 'ready' ? targetSource.fields : []), [targetSource]);

  const setTarget = (next: TargetSpec | undefined) => {
    const out = { ...definition, target: next };
    if (!next) delete out.target;
    onChange(out);
  };
  const patchTarget = (patch: Partial<TargetSpec>) => target && setTarget({ ...target, ...patch });
  const setCompare = (next: CompareSpec | undefined) => {
    const out = { ...definition, compare: next };
    if (!next) delete out.compare;
    onChange(out);
  };
  // a picked target form starts with its fields unset; they are guessed once its definition is loaded
  const pickTargetForm = (formKey: string) =>
    setTarget({ ...(target ?? EMPTY_TARGET), targetForm: formKey, periodField: '', ownerField: '', valueField: '' });
  const guessed = useMemo(
    () =>
      target?.targetForm && !target.periodField && !target.ownerField && !target.valueField && targetFields.length
        ? guessTarget(target.targetForm, targetFields, target)
        : undefined,
    [target, targetFields],
  );
  const latest = useRef({ definition, onChange });
  latest.current = { definition, onChange };
  useEffect(() => {
    const { definition: current, onChange: change } = latest.current;
    if (guessed && current.target?.targetForm === guessed.targetForm && (guessed.periodField || guessed.valueField))
      change({ ...current, target: guessed });
  }, [guessed]);

  const dateFields = optionsOf(fields, (f) => f.temporal);
  const comparePeriod = compare && 'period' in compare.period ? compare.period : undefined;
  const measureOptions = definition.measures.map((m) => ({
    value: m.as,
    label:
      m.label || (m.field ? (fields.find((f) => f.ref === m.field)?.label ?? m.field) : t('reports.designer.records')),
  }));

  return (
    <Flex vertical gap={4} data-testid="goal-settings">
      <Row label={t('reports.designer.compareToggle')}>
        <Switch
          size="small"
          checked={!!compare}
          disabled={!compare && dateFields.length === 0}
          onChange={(on) => setCompare(on ? defaultCompare(definition, fields) : undefined)}
          data-testid="compare-toggle"
        />
      </Row>
      {compare && (
        <>
          <Row label={t('reports.designer.compareDateField')}>
            <Select
              {...SELECT}
              value={compare.dateField}
              options={dateFields}
              onChange={(dateField: string) => setCompare({ ...compare, dateField })}
              data-testid="compare-date-field"
            />
          </Row>
          <Row label={t('reports.designer.comparePeriod')}>
            <Select
              {...SELECT}
              value={comparePeriod?.period}
              options={COMPARE_PERIODS.map((p) => ({ value: p, label: t(`reports.periods.${p}`) }))}
              onChange={(period: RelativePeriodName) =>
                setCompare({ ...compare, period: period === 'last_n_days' ? { period, n: 30 } : { period } })
              }
              data-testid="compare-period"
            />
          </Row>
          {comparePeriod?.period === 'last_n_days' && (
            <Row label={t('reports.designer.days')}>
              <InputNumber
                size="small"
                min={1}
                max={3660}
                style={{ width: 150 }}
                value={comparePeriod.n ?? 30}
                onChange={(n) => setCompare({ ...compare, period: { period: 'last_n_days', n: n ?? 30 } })}
              />
            </Row>
          )}
        </>
      )}
      <Row label={t('reports.designer.targetToggle')}>
        <Switch
          size="small"
          checked={!!target}
          onChange={(on) => setTarget(on ? EMPTY_TARGET : undefined)}
          data-testid="target-toggle"
        />
      </Row>
      {target && (
        <>
          <Row label={t('reports.designer.targetForm')}>
            <Select
              {...SELECT}
              placeholder={t('reports.designer.pickForm')}
              value={target.targetForm || undefined}
              options={forms.map((f) => ({ value: f.key, label: `${f.appName} / ${f.name}` }))}
              onChange={pickTargetForm}
              data-testid="target-form"
            />
          </Row>
          {target.targetForm && (
            <>
              <Row label={t('reports.designer.targetPeriodField')}>
                <Select
                  {...SELECT}
                  loading={targetSource.status === 'loading'}
                  value={target.periodField || undefined}
                  options={optionsOf(targetFields, isPeriodField)}
                  onChange={(periodField: string) => patchTarget({ periodField })}
                  data-testid="target-period-field"
                />
              </Row>
              <Row label={t('reports.designer.targetOwnerField')}>
                <Select
                  {...SELECT}
                  loading={targetSource.status === 'loading'}
                  value={target.ownerField || undefined}
                  options={optionsOf(targetFields, isOwnerField)}
                  onChange={(ownerField: string) => patchTarget({ ownerField })}
                  data-testid="target-owner-field"
                />
              </Row>
              <Row label={t('reports.designer.targetValueField')}>
                <Select
                  {...SELECT}
                  loading={targetSource.status === 'loading'}
                  value={target.valueField || undefined}
                  options={optionsOf(targetFields, isValueField)}
                  onChange={(valueField: string) => patchTarget({ valueField })}
                  data-testid="target-value-field"
                />
              </Row>
              <Row label={t('reports.designer.targetMatchBy')}>
                <Segmented
                  size="small"
                  value={target.matchBy}
                  options={[
                    { value: 'owner', label: t('reports.designer.matchOwner') },
                    { value: 'department', label: t('reports.designer.matchDepartment') },
                  ]}
                  onChange={(matchBy) => patchTarget({ matchBy: matchBy as TargetSpec['matchBy'] })}
                />
              </Row>
              {target.matchBy === 'department' && (
                <Row label={t('reports.designer.targetSourceField')}>
                  <Select
                    {...SELECT}
                    value={target.sourceField}
                    options={optionsOf(fields, isOwnerField)}
                    onChange={(sourceField: string) => patchTarget({ sourceField })}
                  />
                </Row>
              )}
              {measureOptions.length > 1 && (
                <Row label={t('reports.designer.targetMeasure')}>
                  <Select
                    {...SELECT}
                    value={target.measure ?? measureOptions[0].value}
                    options={measureOptions}
                    onChange={(measure: string) => patchTarget({ measure })}
                  />
                </Row>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('reports.designer.targetHint')}
              </Typography.Text>
            </>
          )}
        </>
      )}
    </Flex>
  );
}
