import type { ThemeConfig } from 'antd';

export const BRAND_COLOR = '#3f51e0';

const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

/** The antd theme of the whole product: brand colour, CJK-friendly fonts, slightly rounder corners. */
export const tesseraTheme: ThemeConfig = {
  cssVar: { key: 'tessera' },
  token: {
    colorPrimary: BRAND_COLOR,
    colorInfo: BRAND_COLOR,
    colorLink: BRAND_COLOR,
    colorBgLayout: '#f4f6fb',
    borderRadius: 8,
    fontFamily: FONT_FAMILY,
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 24px',
      siderBg: '#ffffff',
    },
    Menu: {
      itemBorderRadius: 6,
    },
    Card: {
      borderRadiusLG: 12,
    },
  },
};
