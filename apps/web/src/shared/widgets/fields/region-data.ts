/** A small built-in list of provinces → cities → districts for the region picker (names as stored). */
export interface RegionNode {
  name: string;
  children?: RegionNode[];
}

const d = (...names: string[]): RegionNode[] => names.map((name) => ({ name }));

export const REGIONS: RegionNode[] = [
  {
    name: '北京市',
    children: [{ name: '北京市', children: d('东城区', '西城区', '朝阳区', '海淀区', '丰台区', '通州区', '昌平区') }],
  },
  {
    name: '上海市',
    children: [{ name: '上海市', children: d('黄浦区', '徐汇区', '静安区', '浦东新区', '闵行区', '杨浦区', '长宁区') }],
  },
  {
    name: '天津市',
    children: [{ name: '天津市', children: d('和平区', '河西区', '南开区', '滨海新区') }],
  },
  {
    name: '重庆市',
    children: [{ name: '重庆市', children: d('渝中区', '江北区', '南岸区', '渝北区', '九龙坡区') }],
  },
  {
    name: '广东省',
    children: [
      { name: '广州市', children: d('天河区', '越秀区', '海珠区', '白云区', '番禺区') },
      { name: '深圳市', children: d('南山区', '福田区', '罗湖区', '宝安区', '龙岗区') },
      { name: '东莞市', children: d('莞城街道', '南城街道', '松山湖') },
      { name: '佛山市', children: d('禅城区', '南海区', '顺德区') },
    ],
  },
  {
    name: '浙江省',
    children: [
      { name: '杭州市', children: d('西湖区', '上城区', '拱墅区', '滨江区', '余杭区') },
      { name: '宁波市', children: d('海曙区', '江北区', '鄞州区') },
      { name: '温州市', children: d('鹿城区', '龙湾区', '瓯海区') },
    ],
  },
  {
    name: '江苏省',
    children: [
      { name: '南京市', children: d('玄武区', '秦淮区', '鼓楼区', '建邺区', '江宁区') },
      { name: '苏州市', children: d('姑苏区', '吴中区', '相城区', '工业园区') },
      { name: '无锡市', children: d('梁溪区', '滨湖区', '新吴区') },
    ],
  },
  {
    name: '四川省',
    children: [
      { name: '成都市', children: d('锦江区', '青羊区', '武侯区', '成华区', '高新区') },
      { name: '绵阳市', children: d('涪城区', '游仙区') },
    ],
  },
  {
    name: '湖北省',
    children: [{ name: '武汉市', children: d('江岸区', '武昌区', '洪山区', '汉阳区', '东湖高新区') }],
  },
  {
    name: '山东省',
    children: [
      { name: '济南市', children: d('历下区', '市中区', '槐荫区') },
      { name: '青岛市', children: d('市南区', '市北区', '黄岛区', '崂山区') },
    ],
  },
  {
    name: '福建省',
    children: [
      { name: '福州市', children: d('鼓楼区', '台江区', '仓山区') },
      { name: '厦门市', children: d('思明区', '湖里区', '集美区') },
    ],
  },
  {
    name: '陕西省',
    children: [{ name: '西安市', children: d('新城区', '碑林区', '雁塔区', '未央区') }],
  },
];
