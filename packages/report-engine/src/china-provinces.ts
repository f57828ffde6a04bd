/**
 * The 34 provincial-level divisions of China under the names the ECharts `china` map uses, with the short
 * Chinese name and the English/pinyin names users type: 广东 / 广东省 / Guangdong / guangdong → 广东省.
 */
const PROVINCES: readonly (readonly [mapName: string, short: string, ...english: string[]])[] = [
  ['北京市', '北京', 'beijing', 'peking'],
  ['天津市', '天津', 'tianjin'],
  ['上海市', '上海', 'shanghai'],
  ['重庆市', '重庆', 'chongqing'],
  ['河北省', '河北', 'hebei'],
  ['山西省', '山西', 'shanxi'],
  ['辽宁省', '辽宁', 'liaoning'],
  ['吉林省', '吉林', 'jilin'],
  ['黑龙江省', '黑龙江', 'heilongjiang'],
  ['江苏省', '江苏', 'jiangsu'],
  ['浙江省', '浙江', 'zhejiang'],
  ['安徽省', '安徽', 'anhui'],
  ['福建省', '福建', 'fujian'],
  ['江西省', '江西', 'jiangxi'],
  ['山东省', '山东', 'shandong'],
  ['河南省', '河南', 'henan'],
  ['湖北省', '湖北', 'hubei'],
  ['湖南省', '湖南', 'hunan'],
  ['广东省', '广东', 'guangdong', 'canton'],
  ['海南省', '海南', 'hainan'],
  ['四川省', '四川', 'sichuan', 'szechuan'],
  ['贵州省', '贵州', 'guizhou'],
  ['云南省', '云南', 'yunnan'],
  ['陕西省', '陕西', 'shaanxi'],
  ['甘肃省', '甘肃', 'gansu'],
  ['青海省', '青海', 'qinghai'],
  ['台湾省', '台湾', 'taiwan'],
  ['内蒙古自治区', '内蒙古', 'innermongolia', 'neimenggu', 'neimongol'],
  ['广西壮族自治区', '广西', 'guangxi'],
  ['西藏自治区', '西藏', 'tibet', 'xizang'],
  ['宁夏回族自治区', '宁夏', 'ningxia'],
  ['新疆维吾尔自治区', '新疆', 'xinjiang'],
  ['香港特别行政区', '香港', 'hongkong', 'hk'],
  ['澳门特别行政区', '澳门', 'macau', 'macao'],
];

/** Every ECharts map name, in the order above. */
export const CHINA_PROVINCE_MAP_NAMES: readonly string[] = PROVINCES.map((p) => p[0]);

const ENGLISH_NOISE =
  /\b(province|municipality|city|autonomous|region|special|administrative|sar|shi|sheng|zizhiqu|zhuang|hui|uygur|uyghur|uighur|of|china|prc)\b/g;
const CHINESE_SUFFIX = /(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|省|市)$/;

const INDEX = new Map<string, string>();
for (const [mapName, short, ...english] of PROVINCES) {
  INDEX.set(mapName, mapName);
  INDEX.set(short, mapName);
  for (const e of english) INDEX.set(e, mapName);
}

/**
 * The ECharts map name of a province written any common way, or undefined when it is not one of the 34.
 * Note Shanxi (山西) and Shaanxi (陕西) are different provinces.
 */
export function normalizeProvince(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  const trimmed = name.trim().replace(/^中国/, '');
  if (!trimmed) return undefined;
  const direct = INDEX.get(trimmed) ?? INDEX.get(trimmed.replace(CHINESE_SUFFIX, ''));
  if (direct) return direct;
  const latin = trimmed
    .toLowerCase()
    .replace(/[\s\-_.,'’()]+/g, ' ')
    .replace(ENGLISH_NOISE, ' ')
    .replace(/\s+/g, '');
  return INDEX.get(latin);
}
