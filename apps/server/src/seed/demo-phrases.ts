import { CreditRating, DecisionRole, ProjectStage, RelationshipState } from '@dossier/domain';

// The words of the demo dossiers: org charts, personal profiles, relationship notes, project logs and
// credit assessments, as a Chinese sales team would write them.

/** What a post has a say in; decides the decision roles its holder gets in a purchase. */
export type Bearing = 'management' | 'finance' | 'technical' | 'purchasing' | 'user';

export interface Post {
  title: string;
  department: string;
  bearing: Bearing;
}

const post = (title: string, department: string, bearing: Bearing): Post => ({ title, department, bearing });

/** Org charts: a head, the people reporting to the head, and the people reporting to those. */
export const ORG_CHARTS: Record<
  'company' | 'government' | 'individual',
  { head: Post; deputies: Post[]; staff: Post[] }
> = {
  company: {
    head: post('总经理', '总经理办公室', 'management'),
    deputies: [
      post('副总经理', '总经理办公室', 'management'),
      post('财务总监', '财务部', 'finance'),
      post('技术总监', '技术部', 'technical'),
      post('采购部经理', '采购部', 'purchasing'),
      post('生产运营总监', '运营部', 'user'),
    ],
    staff: [
      post('采购专员', '采购部', 'purchasing'),
      post('高级工程师', '技术部', 'technical'),
      post('信息中心主任', '技术部', 'technical'),
      post('会计主管', '财务部', 'finance'),
      post('项目经理', '运营部', 'user'),
      post('设备主管', '运营部', 'user'),
      post('总经理助理', '总经理办公室', 'management'),
      post('质量经理', '质量部', 'user'),
    ],
  },
  government: {
    head: post('局长', '局领导', 'management'),
    deputies: [
      post('副局长', '局领导', 'management'),
      post('计划财务处处长', '计划财务处', 'finance'),
      post('信息中心主任', '信息中心', 'technical'),
      post('政府采购办主任', '采购办', 'purchasing'),
      post('规划建设处处长', '规划建设处', 'user'),
    ],
    staff: [
      post('办公室主任', '办公室', 'management'),
      post('财务科科长', '计划财务处', 'finance'),
      post('信息中心工程师', '信息中心', 'technical'),
      post('采购专员', '采购办', 'purchasing'),
      post('项目科科长', '规划建设处', 'user'),
      post('科员', '规划建设处', 'user'),
    ],
  },
  individual: {
    head: post('经营者', '', 'management'),
    deputies: [
      post('合伙人', '', 'management'),
      post('会计', '', 'finance'),
      post('技术负责人', '', 'technical'),
    ],
    staff: [
      post('采购', '', 'purchasing'),
      post('施工队长', '', 'user'),
      post('出纳', '', 'finance'),
      post('助理', '', 'management'),
    ],
  },
};

export const PERSONALITIES = [
  '外向健谈，做事雷厉风行',
  '稳重内敛，注重细节',
  '谨慎保守，决策前反复比较',
  '直爽，不喜欢绕弯子',
  '思维缜密，重视数据',
  '随和，人缘好，喜欢交朋友',
  '强势，习惯自己拍板',
  '低调务实，重承诺',
  '好胜心强，看重业绩',
  '温和有耐心，乐于倾听',
];

export const INTERESTS = [
  '高尔夫',
  '钓鱼',
  '书法',
  '品茶',
  '登山',
  '摄影',
  '围棋',
  '羽毛球',
  '马拉松',
  '收藏紫砂壶',
  '自驾游',
  '京剧',
  '乒乓球',
  '红酒',
  '读历史书',
  '骑行',
];

export const FAMILIES = [
  '已婚，儿子在读高中',
  '已婚，女儿在国外留学',
  '未婚',
  '已婚，有一儿一女',
  '已婚，爱人是中学教师',
  '已婚，孩子刚上小学',
  '已婚，与父母同住',
  '已婚，爱人在医院工作',
];

export const DEGREES = ['本科', '本科', '本科', '硕士', '硕士', 'MBA', '博士'];
export const UNIVERSITIES = [
  '浙江大学',
  '上海交通大学',
  '华中科技大学',
  '西安交通大学',
  '武汉大学',
  '四川大学',
  '哈尔滨工业大学',
  '中山大学',
  '山东大学',
  '东南大学',
  '同济大学',
  '南开大学',
  '重庆大学',
  '中南大学',
];
export const MAJORS = [
  '电气工程',
  '机械设计',
  '会计学',
  '工商管理',
  '计算机科学',
  '土木工程',
  '化学工程',
  '法学',
  '经济学',
  '自动化',
];

export const PROFILE_NOTES = [
  '不喝酒，饭局尽量安排茶叙',
  '周末不谈工作',
  '重视书面材料，拜访前先发资料',
  '生日在春节前后',
  '喜欢早上约见',
];

export const FORMER_POSTS = ['部门经理', '技术主管', '销售总监', '项目经理', '财务经理'];

export const RELATIONSHIP_NOTES: Record<RelationshipState, string[]> = {
  [RelationshipState.POSITIVE]: [
    '多次拜访，认可我方技术方案',
    '私交不错，常一起打球',
    '曾推荐我方参加其他项目',
    '对我方售后服务评价很高',
    '在内部会议上为我方说话',
  ],
  [RelationshipState.NEUTRAL]: [
    '保持常规联系，态度中立',
    '只谈公事，尚无明显倾向',
    '见过两次面，印象一般',
    '关注价格，对品牌无偏好',
    '刚接手该业务，还在了解情况',
  ],
  [RelationshipState.NEGATIVE]: [
    '倾向竞争对手，多次质疑我方报价',
    '对去年交付延期有意见',
    '与竞争对手销售关系密切',
    '认为我方产品偏贵，不愿推荐',
  ],
  [RelationshipState.NONE]: [
    '尚未接触，计划通过采购部引荐',
    '新上任，还没约上见面',
    '只知道姓名职务，待建立联系',
  ],
};

export const PROJECT_KINDS = [
  '配电自动化改造',
  '数据中心扩容',
  '生产线自动化升级',
  'ERP系统升级',
  '安防监控系统建设',
  '办公楼节能改造',
  '年度设备采购',
  '信息化平台建设',
  '设备维保服务',
  '智慧园区建设',
  '实验室设备采购',
  '视频会议系统',
  '网络安全等级保护',
  '仓储管理系统',
];

/** The important-event log of a project, in the order a sale goes. */
export const EVENT_FLOW: Array<{ title: string; outcomes: string[]; nextStep: string }> = [
  {
    title: '初次拜访',
    outcomes: ['了解到对方有升级需求', '对方介绍了现有系统的问题'],
    nextStep: '约技术交流',
  },
  {
    title: '需求调研',
    outcomes: ['整理出需求清单二十余项', '确认了预算范围和时间表'],
    nextStep: '准备技术方案',
  },
  {
    title: '技术交流会',
    outcomes: ['对方技术部认可我方架构', '对方提出兼容性疑问'],
    nextStep: '补充兼容性说明',
  },
  {
    title: '提交解决方案',
    outcomes: ['方案已提交，对方安排评审', '对方要求增加培训内容'],
    nextStep: '跟进方案评审',
  },
  {
    title: '方案评审',
    outcomes: ['方案通过评审，需优化实施周期', '评审意见：价格偏高'],
    nextStep: '调整方案并报价',
  },
  { title: '提交报价', outcomes: ['报价已送达采购部', '对方要求下调百分之八'], nextStep: '商务沟通' },
  { title: '参加投标', outcomes: ['技术分排名第一', '商务分略低于竞争对手'], nextStep: '等待开标结果' },
  { title: '商务谈判', outcomes: ['就付款条件达成一致', '同意延长质保一年换取价格'], nextStep: '准备合同' },
  { title: '签订合同', outcomes: ['合同已签订，金额与报价一致'], nextStep: '安排实施团队进场' },
];

export const LOST_EVENT = {
  title: '结果通知',
  outcomes: ['落标，竞争对手以低价中标', '项目因预算调整暂停'],
  nextStep: '复盘原因，保持联系',
};

/** How far along the event log each stage is. */
export const EVENTS_BY_STAGE: Record<ProjectStage, number> = {
  [ProjectStage.LEAD]: 2,
  [ProjectStage.QUALIFIED]: 3,
  [ProjectStage.PROPOSAL]: 4,
  [ProjectStage.BIDDING]: 7,
  [ProjectStage.NEGOTIATION]: 8,
  [ProjectStage.WON]: 9,
  [ProjectStage.LOST]: 6,
};

export const CONCERNS: Record<DecisionRole, string[]> = {
  [DecisionRole.DECISION_MAKER]: ['项目整体风险和投资回报', '供应商的长期服务能力', '能否按期上线'],
  [DecisionRole.ECONOMIC_BUYER]: ['价格和付款条件', '预算能否覆盖', '总体拥有成本'],
  [DecisionRole.TECHNICAL_BUYER]: ['技术指标是否达标', '与现有系统的兼容性', '数据安全'],
  [DecisionRole.USER_BUYER]: ['操作是否简便', '培训和售后响应速度', '上线后的稳定性'],
  [DecisionRole.GATEKEEPER]: ['招标流程合规', '供应商资质和业绩案例', '合同条款'],
  [DecisionRole.INFLUENCER]: ['行业口碑', '同行的使用案例'],
  [DecisionRole.COACH]: ['希望我方中标，主动透露内部进展', '关心个人在项目中的表现'],
  [DecisionRole.OTHER]: ['关注项目进度'],
};

const good = [
  '经营稳定，回款及时，建议维持授信额度',
  '资产负债结构合理，银行信用良好',
  '主营业务增长稳健，无不良公开记录',
];
const fair = [
  '经营基本正常，偶有逾期，建议控制额度',
  '应收账款周转偏慢，需关注现金流',
  '股东变更频繁，建议半年后复查',
];
const poor = ['存在多起合同纠纷，建议现款交易', '连续两年亏损，暂停授信', '有被执行记录，需加强回款管理'];

/** The overall assessment (综合评价) that goes with a rating. */
export const CREDIT_SUMMARIES: Record<CreditRating, string[]> = {
  [CreditRating.AAA]: good,
  [CreditRating.AA]: good,
  [CreditRating.A]: good,
  [CreditRating.BBB]: fair,
  [CreditRating.BB]: fair,
  [CreditRating.B]: poor,
  [CreditRating.CCC]: poor,
  [CreditRating.CC]: poor,
  [CreditRating.C]: poor,
};
