import type { SeededRandom } from './seeded-random';
import type { Industry } from './crm-options';

/** Word lists for plausible Chinese company and person names (with pinyin for e-mail addresses). */
const BRANDS: readonly (readonly [string, string])[] = [
  ['华瑞', 'huarui'],
  ['恒通', 'hengtong'],
  ['信达', 'xinda'],
  ['嘉禾', 'jiahe'],
  ['远航', 'yuanhang'],
  ['鼎盛', 'dingsheng'],
  ['永安', 'yongan'],
  ['宏图', 'hongtu'],
  ['博远', 'boyuan'],
  ['中科', 'zhongke'],
  ['天成', 'tiancheng'],
  ['汇丰源', 'huifengyuan'],
  ['瑞丰', 'ruifeng'],
  ['金桥', 'jinqiao'],
  ['联创', 'lianchuang'],
  ['新锐', 'xinrui'],
  ['东方', 'dongfang'],
  ['海纳', 'haina'],
  ['正泰和', 'zhengtaihe'],
  ['同舟', 'tongzhou'],
  ['启明', 'qiming'],
  ['卓越', 'zhuoyue'],
  ['星辰', 'xingchen'],
  ['盛世', 'shengshi'],
  ['锦程', 'jincheng'],
  ['万象', 'wanxiang'],
  ['智远', 'zhiyuan'],
  ['云帆', 'yunfan'],
  ['创新', 'chuangxin'],
  ['凯德', 'kaide'],
  ['明德', 'mingde'],
  ['华夏', 'huaxia'],
  ['长青', 'changqing'],
  ['合力', 'heli'],
  ['润泽', 'runze'],
  ['安信', 'anxin'],
  ['百川', 'baichuan'],
  ['致远', 'zhiyuan2'],
  ['腾达', 'tengda'],
  ['广源', 'guangyuan'],
  ['蓝海', 'lanhai'],
  ['晨光', 'chenguang'],
  ['鸿运', 'hongyun'],
  ['佳和', 'jiahe2'],
  ['力拓', 'lituo'],
  ['青松', 'qingsong'],
  ['融通', 'rongtong'],
  ['顺昌', 'shunchang'],
  ['天宇', 'tianyu'],
  ['新世纪', 'xinshiji'],
  ['银河', 'yinhe'],
  ['众诚', 'zhongcheng'],
  ['精工', 'jinggong'],
  ['元亨', 'yuanheng'],
  ['泰和', 'taihe'],
  ['昊天', 'haotian'],
  ['九州', 'jiuzhou'],
  ['德信', 'dexin'],
  ['汇智', 'huizhi'],
  ['麒麟', 'qilin'],
];

const INDUSTRY_WORDS: Record<Industry, readonly string[]> = {
  manufacturing: ['精密机械', '电子制造', '汽车零部件', '新材料', '智能装备', '模具'],
  internet: ['网络科技', '信息技术', '软件', '数据科技', '智能科技', '云计算'],
  finance: ['投资管理', '融资租赁', '保险代理', '资产管理', '金融服务'],
  retail: ['商贸', '电子商务', '连锁超市', '供应链管理', '品牌管理'],
  healthcare: ['医疗器械', '生物科技', '医药', '健康管理', '诊断技术'],
  education: ['教育科技', '职业培训', '文化传播', '教育咨询'],
  logistics: ['物流', '供应链', '国际货运', '仓储服务', '运输'],
  construction: ['建设工程', '房地产开发', '建材', '装饰工程', '物业管理'],
  energy: ['新能源', '化工', '环保科技', '电力工程', '石化'],
  services: ['管理咨询', '人力资源', '会计服务', '广告传媒', '法律咨询'],
};

/** Capital or major city of each province, by the province's map name. */
export const CITY_OF: Record<string, readonly string[]> = {
  北京市: ['北京'],
  天津市: ['天津'],
  上海市: ['上海'],
  重庆市: ['重庆'],
  河北省: ['石家庄', '唐山', '保定'],
  山西省: ['太原', '大同'],
  辽宁省: ['沈阳', '大连'],
  吉林省: ['长春', '吉林'],
  黑龙江省: ['哈尔滨', '大庆'],
  江苏省: ['南京', '苏州', '无锡', '常州', '南通'],
  浙江省: ['杭州', '宁波', '温州', '绍兴', '嘉兴'],
  安徽省: ['合肥', '芜湖'],
  福建省: ['福州', '厦门', '泉州'],
  江西省: ['南昌', '赣州'],
  山东省: ['济南', '青岛', '烟台', '潍坊'],
  河南省: ['郑州', '洛阳'],
  湖北省: ['武汉', '宜昌', '襄阳'],
  湖南省: ['长沙', '株洲'],
  广东省: ['广州', '深圳', '东莞', '佛山', '珠海'],
  海南省: ['海口', '三亚'],
  四川省: ['成都', '绵阳'],
  贵州省: ['贵阳', '遵义'],
  云南省: ['昆明', '大理'],
  陕西省: ['西安', '咸阳'],
  甘肃省: ['兰州'],
  青海省: ['西宁'],
  台湾省: ['台北'],
  内蒙古自治区: ['呼和浩特', '包头'],
  广西壮族自治区: ['南宁', '柳州'],
  西藏自治区: ['拉萨'],
  宁夏回族自治区: ['银川'],
  新疆维吾尔自治区: ['乌鲁木齐'],
  香港特别行政区: ['香港'],
  澳门特别行政区: ['澳门'],
};

const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['林', 'lin'],
  ['高', 'gao'],
  ['罗', 'luo'],
  ['郑', 'zheng'],
  ['梁', 'liang'],
  ['谢', 'xie'],
  ['宋', 'song'],
  ['唐', 'tang'],
  ['许', 'xu'],
  ['韩', 'han'],
  ['冯', 'feng'],
  ['邓', 'deng'],
  ['曹', 'cao'],
  ['彭', 'peng'],
  ['曾', 'zeng'],
  ['肖', 'xiao'],
  ['田', 'tian'],
  ['董', 'dong'],
];

const GIVEN: readonly (readonly [string, string])[] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['娟', 'juan'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀英', 'xiuying'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['刚', 'gang'],
  ['桂英', 'guiying'],
  ['建华', 'jianhua'],
  ['晓东', 'xiaodong'],
  ['海燕', 'haiyan'],
  ['志强', 'zhiqiang'],
  ['文博', 'wenbo'],
  ['思远', 'siyuan'],
  ['雨桐', 'yutong'],
  ['子涵', 'zihan'],
  ['浩然', 'haoran'],
  ['欣怡', 'xinyi'],
  ['俊杰', 'junjie'],
  ['佳琪', 'jiaqi'],
  ['宇航', 'yuhang'],
  ['梓萱', 'zixuan'],
  ['振华', 'zhenhua'],
  ['国庆', 'guoqing'],
];

const COMPANY_SUFFIXES: readonly (readonly [string, number])[] = [
  ['有限公司', 6],
  ['股份有限公司', 2],
  ['集团有限公司', 1],
];

export interface CompanyName {
  name: string;
  /** ASCII slug for a plausible e-mail domain. */
  domain: string;
}

/** A unique company name for the province and industry (the caller keeps the `taken` set). */
export function companyName(rng: SeededRandom, province: string, industry: Industry, taken: Set<string>): CompanyName {
  for (let attempt = 0; ; attempt++) {
    const city = rng.pick(CITY_OF[province] ?? ['上海']);
    const [brand, pinyin] = rng.pick(BRANDS);
    const word = rng.pick(INDUSTRY_WORDS[industry]);
    const suffix = rng.weighted(COMPANY_SUFFIXES);
    const name = attempt < 20 ? `${city}${brand}${word}${suffix}` : `${city}${brand}${word}${suffix}（${attempt}）`;
    if (taken.has(name)) continue;
    taken.add(name);
    return { name, domain: `${pinyin}${attempt < 20 ? '' : attempt}.com.cn` };
  }
}

export interface PersonName {
  name: string;
  pinyin: string;
}

export function personName(rng: SeededRandom): PersonName {
  const [surname, sp] = rng.pick(SURNAMES);
  const [given, gp] = rng.pick(GIVEN);
  return { name: `${surname}${given}`, pinyin: `${gp}.${sp}` };
}

/** A mainland mobile number: 1[3-9]x xxxx xxxx. */
export function mobile(rng: SeededRandom): string {
  let digits = `1${rng.int(3, 9)}`;
  for (let i = 0; i < 9; i++) digits += String(rng.int(0, 9));
  return digits;
}
