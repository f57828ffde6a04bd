import type { FieldType, LocalizedText } from '@tessera/schema';
import type { TFunction } from 'i18next';
import { i18n } from '../../shared/i18n/i18n';
import type { NewFieldTexts } from './new-field';

function both(text: (t: TFunction) => string): LocalizedText {
  return { 'zh-CN': text(i18n.getFixedT('zh-CN')), 'en-US': text(i18n.getFixedT('en-US')) };
}

/** The labels of new fields in both UI languages, from the i18n resources. */
export const newFieldTexts: NewFieldTexts = {
  typeName: (type: FieldType) => both((t) => t(`designer.fieldTypes.${type}`)),
  option: (n: number) => both((t) => t('designer.newField.option', { n })),
  tab: (n: number) => both((t) => t('designer.newField.tab', { n })),
  get subColumn() {
    return both((t) => t('designer.newField.subColumn'));
  },
};
