import { CHINA_PROVINCE_MAP_NAMES, normalizeProvince } from './china-provinces';

describe('normalizeProvince', () => {
  it('has all 34 provincial-level divisions', () => {
    expect(new Set(CHINA_PROVINCE_MAP_NAMES).size).toBe(34);
  });

  it.each([
    ['广东', '广东省'],
    ['广东省', '广东省'],
    ['Guangdong', '广东省'],
    ['guangdong', '广东省'],
    [' Guangdong Province ', '广东省'],
    ['北京', '北京市'],
    ['Beijing Municipality', '北京市'],
    ['内蒙古', '内蒙古自治区'],
    ['Inner Mongolia Autonomous Region', '内蒙古自治区'],
    ['广西壮族自治区', '广西壮族自治区'],
    ['Guangxi Zhuang Autonomous Region', '广西壮族自治区'],
    ['Xinjiang Uygur', '新疆维吾尔自治区'],
    ['Tibet', '西藏自治区'],
    ['Hong Kong SAR', '香港特别行政区'],
    ['Macao', '澳门特别行政区'],
    ['Shanxi', '山西省'],
    ['Shaanxi', '陕西省'],
    ['台湾', '台湾省'],
    ['中国广东省', '广东省'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeProvince(input)).toBe(expected);
  });

  it('maps every map name and its short form to itself', () => {
    for (const name of CHINA_PROVINCE_MAP_NAMES) expect(normalizeProvince(name)).toBe(name);
  });

  it('returns undefined for non-provinces', () => {
    expect(normalizeProvince('Atlantis')).toBeUndefined();
    expect(normalizeProvince('')).toBeUndefined();
    expect(normalizeProvince(null)).toBeUndefined();
  });
});
