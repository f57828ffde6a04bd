import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useLanguage } from '../shared/i18n/use-language';
import { tesseraTheme } from '../shared/widgets/tessera-theme';

const ANTD_LOCALES = { 'zh-CN': zhCN, 'en-US': enUS } as const;

/** antd's theme and locale, following the i18next language. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  return (
    <ConfigProvider locale={ANTD_LOCALES[language]} theme={tesseraTheme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
