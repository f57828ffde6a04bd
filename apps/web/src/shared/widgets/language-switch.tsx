import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/language';
import { useLanguage } from '../i18n/use-language';

/** 中文 / English toggle; the choice is remembered in localStorage. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented<Language>
      data-testid="language-switch"
      aria-label={t('language.label')}
      size={size}
      value={language}
      onChange={setLanguage}
      options={[
        { value: 'zh-CN', label: <span lang="zh-CN">{t('language.zhCN')}</span> },
        { value: 'en-US', label: <span lang="en-US">{t('language.enUS')}</span> },
      ]}
    />
  );
}
