import {
  CustomerLifecycle,
  FeedbackCategory,
  FeedbackChannel,
  FeedbackKind,
  FeedbackSeverity,
  FeedbackStatus,
} from '@dossier/domain';
import type { Row } from './bulk-insert.js';
import type { DemoCustomer } from './demo-customers.js';
import { addDays, type Demo } from './demo-random.js';

/** The feedback's own generator: adding it left the rest of the demo company as it was. */
export const FEEDBACK_SEED = 20_261_213;

const SAID: Record<FeedbackCategory, { complaint: string[]; opinion: string[]; result: string[] }> = {
  [FeedbackCategory.PRODUCT]: {
    complaint: ['到货设备有两台外壳破损', '新批次产品合格率下降', '说明书与实物型号不符'],
    opinion: ['希望增加更节能的型号', '建议提供中文操作界面'],
    result: ['已更换破损设备并加强包装', '质检部复检后补发合格品'],
  },
  [FeedbackCategory.DELIVERY]: {
    complaint: ['第三批货晚到两周，影响产线', '到货数量与订单不符', '物流未按约定时间送达'],
    opinion: ['希望交货前一天电话通知', '建议分批交货'],
    result: ['补发缺货并承担运费', '调整物流商，后续按时到货'],
  },
  [FeedbackCategory.SERVICE]: {
    complaint: ['售后响应超过48小时', '安装工程师未按约上门', '技术支持电话无人接听'],
    opinion: ['希望每季度安排一次回访', '建议开通微信服务群'],
    result: ['指定专人负责售后，24小时响应', '已安排工程师上门并致歉'],
  },
  [FeedbackCategory.PRICE]: {
    complaint: ['同型号报价高于上次合同', '发票金额与合同不一致'],
    opinion: ['希望年度框架协议有阶梯价', '建议提供以旧换新优惠'],
    result: ['按合同价重开发票', '年度框架协议给予阶梯折扣'],
  },
  [FeedbackCategory.OTHER]: {
    complaint: ['合同盖章原件迟迟未寄回'],
    opinion: ['希望邀请参加年度用户大会'],
    result: ['已快递合同原件'],
  },
};

const CATEGORIES = Object.values(FeedbackCategory);
const CHANNELS = Object.values(FeedbackChannel);
const SEVERITIES = Object.values(FeedbackSeverity);

/** A complaint or opinion, mostly handled and closed; a few complaints still open (some too long). */
function feedbackRow(demo: Demo, customer: DemoCustomer, people: readonly Row[], staff: string): Row {
  const category = demo.pick(CATEGORIES);
  const kind = demo.chance(0.6) ? FeedbackKind.COMPLAINT : FeedbackKind.OPINION;
  const receivedAt = demo.daysAgo(1, 400);
  const said = SAID[category];
  const open = demo.chance(kind === FeedbackKind.COMPLAINT ? 0.3 : 0.15);
  // Closed within 20 days of receipt, and not after the demo's today.
  const closedAt = open
    ? null
    : new Date(Math.min(addDays(receivedAt, demo.int(1, 20)).getTime(), demo.today.getTime()));
  const handled = !open || demo.chance(0.5);
  return {
    id: demo.id(),
    customer_id: customer.id,
    kind,
    channel: demo.pick(CHANNELS),
    category,
    severity: demo.pick(SEVERITIES),
    received_at: receivedAt,
    key_person_id: people.length > 0 && demo.chance(0.7) ? (demo.pick(people).id ?? null) : null,
    description: demo.pick(kind === FeedbackKind.COMPLAINT ? said.complaint : said.opinion),
    status: open ? FeedbackStatus.OPEN : FeedbackStatus.CLOSED,
    handler_id: handled ? staff : null,
    handling_plan: handled ? '与客户沟通确认问题，制定整改措施' : null,
    result: open ? null : demo.pick(said.result),
    closed_at: closedAt,
    recorded_by_id: staff,
    created_at: receivedAt,
    updated_at: closedAt ?? receivedAt,
  };
}

/** Quarterly surveys over the last two years, each aspect drifting a step at most between surveys. */
function surveyRows(demo: Demo, customer: DemoCustomer, staff: string): Row[] {
  const rows: Row[] = [];
  const scores: [number, number, number, number] = [
    demo.int(2, 5),
    demo.int(2, 5),
    demo.int(2, 5),
    demo.int(2, 5),
  ];
  let day = addDays(demo.calendarToday, -demo.int(600, 720));
  while (day < demo.calendarToday) {
    for (const i of [0, 1, 2, 3] as const) scores[i] = Math.min(5, Math.max(1, scores[i] + demo.int(-1, 1)));
    rows.push({
      id: demo.id(),
      customer_id: customer.id,
      surveyed_on: demo.day(day),
      product_score: scores[0],
      delivery_score: scores[1],
      service_score: scores[2],
      price_score: scores[3],
      comment: demo.chance(0.3) ? demo.pick(['总体满意', '交期需改进', '价格偏高', '服务响应及时']) : null,
      recorded_by_id: staff,
      created_at: day,
      updated_at: day,
    });
    day = addDays(day, demo.int(80, 100));
  }
  return rows;
}

/**
 * Feedback and satisfaction surveys for the trading customers (and always for rep@'s, so the Feedback tab
 * and the dashboard's satisfaction panel have something to show), recorded by each customer's owner.
 */
export function planFeedback(
  demo: Demo,
  customers: readonly DemoCustomer[],
  keyPersons: readonly Row[],
  rep: string,
): { feedback: Row[]; satisfaction_survey: Row[] } {
  const feedback: Row[] = [];
  const satisfaction_survey: Row[] = [];
  for (const customer of customers) {
    if (!customer.ownerId || customer.lifecycle === CustomerLifecycle.PROSPECT) continue;
    const mine = customer.ownerId === rep;
    const people = keyPersons.filter((person) => person.customer_id === customer.id);
    if (mine || demo.chance(0.3)) {
      for (let n = demo.int(1, 3); n > 0; n -= 1)
        feedback.push(feedbackRow(demo, customer, people, customer.ownerId));
    }
    if (mine || demo.chance(0.4)) satisfaction_survey.push(...surveyRows(demo, customer, customer.ownerId));
  }
  return { feedback, satisfaction_survey };
}
