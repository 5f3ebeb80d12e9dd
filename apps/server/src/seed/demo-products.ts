// What the demo company sells: electrical, automation, IT and building equipment with services, the
// goods behind the projects of demo-phrases.ts. Fictional models; list prices in whole yuan.

export interface DemoProduct {
  sku: string;
  name: string;
  category: string;
  /** List price in whole yuan; lines sell around it. */
  listPrice: number;
}

/** Category, SKU prefix, then name and list price of each product in it. */
const CATALOGUE: Array<[string, string, Array<[string, number]>]> = [
  [
    '配电设备',
    'PD',
    [
      ['高压开关柜 KYN28-12', 68_000],
      ['低压配电柜 GCS', 32_000],
      ['干式变压器 SCB13-1000', 156_000],
      ['箱式变电站 YBM-630', 238_000],
      ['智能断路器 DW45-2000', 12_800],
      ['电能质量监测终端', 9_600],
      ['无功补偿装置 TBB-300', 45_000],
      ['电缆桥架（百米）', 6_800],
    ],
  ],
  [
    '工业自动化',
    'IA',
    [
      ['可编程控制器 PLC-S7', 18_500],
      ['变频器 22kW', 7_900],
      ['伺服电机及驱动器套装', 11_200],
      ['工业触摸屏 15寸', 5_600],
      ['分布式IO模块', 3_200],
      ['工业机器人工作站', 386_000],
      ['机器视觉检测系统', 128_000],
      ['DCS控制站', 265_000],
    ],
  ],
  [
    '网络与通信',
    'NW',
    [
      ['核心交换机 48口万兆', 86_000],
      ['接入交换机 24口千兆', 4_800],
      ['企业级无线AP', 2_600],
      ['下一代防火墙', 58_000],
      ['路由器 企业级', 16_500],
      ['光纤熔接及布线（百点）', 24_000],
      ['视频会议终端', 35_000],
    ],
  ],
  [
    '服务器与存储',
    'SV',
    [
      ['机架式服务器 2U双路', 68_000],
      ['GPU计算服务器', 420_000],
      ['全闪存储阵列 100TB', 560_000],
      ['备份一体机', 145_000],
      ['UPS不间断电源 60kVA', 98_000],
      ['精密空调 30kW', 132_000],
      ['微模块机房（单列）', 680_000],
      ['服务器机柜 42U', 5_800],
    ],
  ],
  [
    '安防监控',
    'SC',
    [
      ['高清网络摄像机', 1_800],
      ['网络硬盘录像机 64路', 26_000],
      ['门禁一体机', 3_900],
      ['周界报警系统（百米）', 18_000],
      ['智能安检门', 22_000],
      ['监控大屏 LCD拼接单元', 16_800],
      ['车辆识别道闸', 14_500],
    ],
  ],
  [
    '节能与照明',
    'EN',
    [
      ['LED工矿灯 200W', 680],
      ['智能照明控制模块', 4_200],
      ['空压机节能改造包', 88_000],
      ['光伏组件 550W', 950],
      ['储能柜 215kWh', 328_000],
      ['能耗监测平台（授权）', 56_000],
      ['充电桩 120kW直流', 78_000],
    ],
  ],
  [
    '软件与平台',
    'SW',
    [
      ['ERP系统授权（套）', 260_000],
      ['仓储管理系统授权', 120_000],
      ['安全运维审计系统', 68_000],
      ['数据中台授权', 380_000],
      ['正版办公软件（百用户）', 48_000],
      ['视频管理平台授权', 36_000],
      ['园区综合管理平台', 215_000],
    ],
  ],
  [
    '技术服务',
    'TS',
    [
      ['年度维保服务（台）', 8_000],
      ['现场工程师驻场（人月）', 26_000],
      ['系统集成实施服务', 150_000],
      ['等保测评咨询', 85_000],
      ['操作培训（场）', 6_000],
      ['设备巡检服务（次）', 3_500],
      ['数据迁移服务', 42_000],
      ['实验室设备校准', 9_800],
    ],
  ],
];

export const DEMO_PRODUCTS: DemoProduct[] = CATALOGUE.flatMap(([category, prefix, items]) =>
  items.map(([name, listPrice], i) => ({
    sku: `${prefix}-${String(i + 1).padStart(3, '0')}`,
    name,
    category,
    listPrice,
  })),
);

export const DEMO_CATEGORIES = CATALOGUE.map(([category]) => category);
