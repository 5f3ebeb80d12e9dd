// Where the demo company sells and whom to: sales regions with their cities, and the kinds of
// organisations that become customers. Fictional names built from common words, no real companies.

export interface City {
  name: string;
  /** Long-distance dialling code, for landline numbers. */
  areaCode: string;
  /** For web and e-mail domains. */
  pinyin: string;
}

const city = (name: string, areaCode: string, pinyin: string): City => ({ name, areaCode, pinyin });

/** The seven sales regions, weighted by how much of the book each holds. */
export const REGIONS: Array<{ name: string; weight: number; cities: City[] }> = [
  {
    name: '华东',
    weight: 30,
    cities: [
      city('上海', '021', 'sh'),
      city('南京', '025', 'nj'),
      city('苏州', '0512', 'sz'),
      city('杭州', '0571', 'hz'),
      city('宁波', '0574', 'nb'),
      city('无锡', '0510', 'wx'),
      city('合肥', '0551', 'hf'),
      city('济南', '0531', 'jn'),
      city('青岛', '0532', 'qd'),
      city('福州', '0591', 'fz'),
      city('厦门', '0592', 'xm'),
    ],
  },
  {
    name: '华北',
    weight: 15,
    cities: [
      city('北京', '010', 'bj'),
      city('天津', '022', 'tj'),
      city('石家庄', '0311', 'sjz'),
      city('太原', '0351', 'ty'),
      city('唐山', '0315', 'ts'),
      city('呼和浩特', '0471', 'hhht'),
    ],
  },
  {
    name: '华南',
    weight: 17,
    cities: [
      city('广州', '020', 'gz'),
      city('深圳', '0755', 'shenzhen'),
      city('东莞', '0769', 'dg'),
      city('佛山', '0757', 'fs'),
      city('南宁', '0771', 'nn'),
      city('海口', '0898', 'hk'),
    ],
  },
  {
    name: '西南',
    weight: 10,
    cities: [
      city('成都', '028', 'cd'),
      city('重庆', '023', 'cq'),
      city('昆明', '0871', 'km'),
      city('贵阳', '0851', 'gy'),
      city('绵阳', '0816', 'my'),
    ],
  },
  {
    name: '华中',
    weight: 12,
    cities: [
      city('武汉', '027', 'wh'),
      city('长沙', '0731', 'cs'),
      city('郑州', '0371', 'zz'),
      city('南昌', '0791', 'nc'),
      city('宜昌', '0717', 'yc'),
    ],
  },
  {
    name: '东北',
    weight: 8,
    cities: [
      city('沈阳', '024', 'sy'),
      city('大连', '0411', 'dl'),
      city('长春', '0431', 'cc'),
      city('哈尔滨', '0451', 'hrb'),
    ],
  },
  {
    name: '西北',
    weight: 8,
    cities: [
      city('西安', '029', 'xa'),
      city('兰州', '0931', 'lz'),
      city('银川', '0951', 'yinchuan'),
      city('西宁', '0971', 'xn'),
      city('乌鲁木齐', '0991', 'wlmq'),
    ],
  },
];

export const DISTRICTS = ['高新区', '经济技术开发区', '工业园区', '新区', '老城区', '滨江区', '临港新区'];

/** Trade names of companies: word and its pinyin for the web domain. */
export const BRANDS: Array<[string, string]> = [
  ['恒瑞', 'hengrui'],
  ['华信', 'huaxin'],
  ['中联', 'zhonglian'],
  ['鑫达', 'xinda'],
  ['宏远', 'hongyuan'],
  ['天成', 'tiancheng'],
  ['金桥', 'jinqiao'],
  ['博远', 'boyuan'],
  ['瑞丰', 'ruifeng'],
  ['海川', 'haichuan'],
  ['永盛', 'yongsheng'],
  ['联创', 'lianchuang'],
  ['富达', 'fuda'],
  ['新元', 'xinyuan'],
  ['景泰', 'jingtai'],
  ['安泰', 'antai'],
  ['德润', 'derun'],
  ['嘉禾', 'jiahe'],
  ['华盛', 'huasheng'],
  ['远航', 'yuanhang'],
  ['启明', 'qiming'],
  ['长青', 'changqing'],
  ['同创', 'tongchuang'],
  ['汇通', 'huitong'],
  ['天润', 'tianrun'],
  ['鼎盛', 'dingsheng'],
  ['明辉', 'minghui'],
  ['泰和', 'taihe'],
  ['凯瑞', 'kairui'],
  ['万通', 'wantong'],
  ['诚信', 'chengxin'],
  ['星海', 'xinghai'],
];

/** Ordinary companies (普通公司): line of business in the name, and the industry it belongs to. */
export const TRADES: Array<[string, string]> = [
  ['电力设备', '电力'],
  ['精密机械', '装备制造'],
  ['医疗器械', '医疗卫生'],
  ['化工', '化工'],
  ['新能源', '能源'],
  ['通信技术', '通信'],
  ['物流', '交通物流'],
  ['建设工程', '建筑工程'],
  ['汽车零部件', '汽车'],
  ['食品', '食品饮料'],
  ['电子科技', '电子'],
  ['环保科技', '环保'],
  ['纺织', '纺织服装'],
  ['软件', '信息技术'],
  ['制药', '医药'],
  ['钢构', '冶金'],
];

export const LEGAL_FORMS = ['有限公司', '股份有限公司', '有限责任公司'];

/** Government bodies (政府机构): name, web prefix, industry. */
export const AGENCIES: Array<[string, string, string]> = [
  ['交通运输局', 'jtj', '交通物流'],
  ['住房和城乡建设局', 'zjj', '建筑工程'],
  ['水务局', 'swj', '水务'],
  ['教育局', 'jyj', '教育'],
  ['卫生健康委员会', 'wjw', '医疗卫生'],
  ['生态环境局', 'sthjj', '环保'],
  ['应急管理局', 'yjglj', '公共安全'],
  ['大数据管理局', 'dsjj', '信息技术'],
  ['自然资源和规划局', 'zrzyj', '国土规划'],
  ['机关事务管理局', 'jgswj', '政府公共服务'],
  ['公共资源交易中心', 'ggzy', '政府公共服务'],
];

/** State-owned and regulated enterprises (特殊公司): name after the city, web prefix, industry. */
export const SPECIAL_ENTERPRISES: Array<[string, string, string]> = [
  ['城市建设投资集团有限公司', 'ctjt', '城市建设'],
  ['地铁集团有限公司', 'metro', '轨道交通'],
  ['燃气集团有限公司', 'gas', '能源'],
  ['水务集团有限公司', 'water', '水务'],
  ['港务集团有限公司', 'port', '交通物流'],
  ['机场集团有限公司', 'airport', '航空'],
  ['国有资本投资运营集团有限公司', 'gzjt', '投资'],
  ['高速公路发展集团有限公司', 'expressway', '交通物流'],
];

/** Distributors and integrators we sell through (交易伙伴). */
export const PARTNER_TRADES: Array<[string, string]> = [
  ['系统集成', '系统集成'],
  ['贸易', '渠道分销'],
  ['信息技术', '系统集成'],
  ['工程服务', '工程服务'],
];

/** Trades of individual customers (个人): contractors and shop owners. */
export const INDIVIDUAL_TRADES = ['装修工程', '建材经销', '农业种植', '个体零售', '设备租赁'];
