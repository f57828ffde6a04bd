import {
  ROLLUP_AGGREGATES,
  type FieldDefinition,
  type LookupField,
  type RelationField,
  type RollupField,
} from '@tessera/schema';
import { Alert, Form, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppRecord } from './designer-api';
import { LAYOUT_TYPES } from './field-type-groups';
import { compact, type FieldChange } from './field-update';
import { useLocalized } from './use-localized';
import { useTargetFormFields } from './use-target-form-fields';

type AppForm = AppRecord['forms'][number];

const NUMERIC = new Set(['number', 'amount', 'percent', 'duration', 'rating', 'formula', 'rollup']);

function valueFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((field) => !LAYOUT_TYPES.has(field.type) && field.type !== 'sub_table');
}

function useFieldOptions(fields: readonly FieldDefinition[]) {
  const localized = useLocalized();
  return fields.map((field) => ({ value: field.key, label: `${localized(field.label)} (${field.key})` }));
}

/** Relation: the target form (from the app's forms), its display field, single or multiple. */
export function RelationSettings(props: {
  field: RelationField;
  appForms: readonly AppForm[];
  self: { key: string; name: string; fields: readonly FieldDefinition[] };
  onChange: FieldChange<RelationField>;
}) {
  const { field, appForms, self, onChange } = props;
  const { t } = useTranslation();
  const localized = useLocalized();
  const target = field.relation.form || undefined;
  const targetFields = useTargetFormFields(target, self);
  const displayOptions = useFieldOptions(valueFields(targetFields));
  const forms = [
    { value: self.key, label: `${self.name} ${t('designer.properties.thisForm')}` },
    ...appForms
      .filter((form) => form.key !== self.key)
      .map((form) => ({ value: form.key, label: `${localized(form.name)} (${form.key})` })),
  ];
  const setRelation = (patch: Partial<RelationField['relation']>) =>
    onChange({ ...field, relation: compact({ ...field.relation, ...patch }) });
  return (
    <>
      <Form.Item label={t('designer.properties.relationForm')}>
        <Select
          value={target}
          placeholder={t('designer.properties.relationFormPlaceholder')}
          options={forms}
          onChange={(form: string) => setRelation({ form, displayField: undefined })}
          data-testid="relation-form"
          showSearch
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item label={t('designer.properties.displayField')}>
        <Select
          value={field.relation.displayField}
          allowClear
          disabled={!target}
          placeholder={t('designer.properties.displayFieldPlaceholder')}
          options={displayOptions}
          onChange={(displayField?: string) => setRelation({ displayField })}
          data-testid="relation-display-field"
        />
      </Form.Item>
      <Form.Item label={t('designer.properties.relationMultiple')}>
        <Switch
          checked={field.relation.multiple === true}
          onChange={(multiple) => setRelation({ multiple: multiple || undefined })}
        />
      </Form.Item>
    </>
  );
}

/** Lookup and rollup: a relation field of this form, then a field of its target (and the aggregate). */
export function LookupRollupSettings(props: {
  field: LookupField | RollupField;
  fields: readonly FieldDefinition[];
  self: { key: string; fields: readonly FieldDefinition[] };
  onChange: FieldChange<LookupField | RollupField>;
}) {
  const { field, fields, self, onChange } = props;
  const { t } = useTranslation();
  const relations = fields.filter((candidate): candidate is RelationField => candidate.type === 'relation');
  const relationKey = field.type === 'lookup' ? field.lookup.relationField : field.rollup.relationField;
  const relation = relations.find((candidate) => candidate.key === relationKey);
  const targetFields = useTargetFormFields(relation?.relation.form, self);
  const relationOptions = useFieldOptions(relations);
  const lookupOptions = useFieldOptions(valueFields(targetFields));
  const rollupOptions = useFieldOptions(targetFields.filter((candidate) => NUMERIC.has(candidate.type)));

  if (relations.length === 0) return <Alert type="info" showIcon title={t('designer.properties.noRelationFields')} />;

  return (
    <>
      <Form.Item label={t('designer.properties.lookupRelation')}>
        <Select
          value={relationKey || undefined}
          placeholder={t('designer.properties.selectPlaceholder')}
          options={relationOptions}
          onChange={(relationField: string) =>
            field.type === 'lookup'
              ? onChange({ ...field, lookup: { relationField, field: '' } })
              : onChange({ ...field, rollup: compact({ ...field.rollup, relationField, field: undefined }) })
          }
        />
      </Form.Item>
      {field.type === 'lookup' ? (
        <Form.Item label={t('designer.properties.lookupField')}>
          <Select
            value={field.lookup.field || undefined}
            disabled={!relation}
            placeholder={
              relation ? t('designer.properties.selectPlaceholder') : t('designer.properties.chooseRelationFirst')
            }
            options={lookupOptions}
            onChange={(target: string) => onChange({ ...field, lookup: { ...field.lookup, field: target } })}
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item label={t('designer.properties.rollupAggregate')}>
            <Select
              value={field.rollup.aggregate}
              options={ROLLUP_AGGREGATES.map((aggregate) => ({
                value: aggregate,
                label: t(`designer.properties.aggregates.${aggregate}`),
              }))}
              onChange={(aggregate) => onChange({ ...field, rollup: { ...field.rollup, aggregate } })}
            />
          </Form.Item>
          {field.rollup.aggregate !== 'count' && (
            <Form.Item label={t('designer.properties.rollupField')}>
              <Select
                value={field.rollup.field}
                disabled={!relation}
                placeholder={
                  relation ? t('designer.properties.selectPlaceholder') : t('designer.properties.chooseRelationFirst')
                }
                options={rollupOptions}
                onChange={(target: string) => onChange({ ...field, rollup: { ...field.rollup, field: target } })}
              />
            </Form.Item>
          )}
        </>
      )}
    </>
  );
}
