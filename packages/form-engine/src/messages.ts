import type { Locale } from '@tessera/schema';
import type { MessageTemplate, MessageTemplates, ValidationCode } from './field-type-module';

/** Default error messages; field type modules override the ones they phrase differently. */
export const DEFAULT_MESSAGES: Record<ValidationCode, MessageTemplate> = {
  required: { 'zh-CN': '{label}为必填项', 'en-US': '{label} is required' },
  invalid_type: { 'zh-CN': '{label}的值类型不正确', 'en-US': '{label} has a value of the wrong type' },
  too_small: { 'zh-CN': '{label}不能小于{limit}', 'en-US': '{label} must be at least {limit}' },
  too_large: { 'zh-CN': '{label}不能大于{limit}', 'en-US': '{label} must be at most {limit}' },
  too_short: { 'zh-CN': '{label}至少需要{limit}个字符', 'en-US': '{label} needs at least {limit} characters' },
  too_long: { 'zh-CN': '{label}最多{limit}个字符', 'en-US': '{label} allows at most {limit} characters' },
  too_few: { 'zh-CN': '{label}至少需要{limit}项', 'en-US': '{label} needs at least {limit} items' },
  too_many: { 'zh-CN': '{label}最多{limit}项', 'en-US': '{label} allows at most {limit} items' },
  pattern_mismatch: { 'zh-CN': '{label}格式不正确', 'en-US': '{label} does not match the expected format' },
  invalid_option: { 'zh-CN': '{label}的选项无效', 'en-US': '{label} is not one of the options' },
  invalid_format: { 'zh-CN': '{label}格式不正确', 'en-US': '{label} is not in a valid format' },
  duplicate_items: { 'zh-CN': '{label}包含重复项', 'en-US': '{label} contains duplicates' },
  unknown_field: { 'zh-CN': '未知字段{label}', 'en-US': 'Unknown field {label}' },
  invalid_value: { 'zh-CN': '{label}的值无效', 'en-US': '{label} has an invalid value' },
};

export function renderMessage(
  code: ValidationCode,
  locale: Locale,
  vars: { label: string; limit?: unknown },
  overrides: MessageTemplates = {},
): string {
  const template = (overrides[code] ?? DEFAULT_MESSAGES[code])[locale];
  return template.replace('{label}', vars.label).replace('{limit}', vars.limit === undefined ? '' : String(vars.limit));
}
