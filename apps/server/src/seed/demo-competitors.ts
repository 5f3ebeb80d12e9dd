import { CustomerLifecycle } from '@dossier/domain';
import type { Row } from './bulk-insert.js';
import type { DemoCustomer } from './demo-customers.js';
import type { Demo } from './demo-random.js';

/** The competitors get a generator of their own: adding them left the rest of the demo as it was. */
export const COMPETITORS_SEED = 20_261_201;

/** The company-wide list (竞争对手名录): the rivals a Chinese seller of industrial goods meets. */
const COMPETITORS = [
  { name: '西门子（中国）', website: 'www.siemens.com.cn', notes: '高端品牌，技术服务强' },
  { name: '施耐德电气', website: 'www.schneider-electric.cn', notes: '配电产品线全' },
  { name: 'ABB 中国', website: 'new.abb.com/cn', notes: null },
  { name: '正泰电器', website: 'www.chint.com', notes: '价格低，渠道广' },
  { name: '德力西电气', website: 'www.delixi-electric.com', notes: null },
] as const;

const SUPPLIES = ['低压开关柜', '变频器', '断路器', '工控自动化', '电缆及附件', '仪器仪表'];
const STRENGTHS = ['价格低 10% 左右', '交货快', '品牌知名度高', '技术支持到现场', '账期长'];
const WEAKNESSES = ['售后响应慢', '交期不稳定', '价格偏高', '定制能力弱', '质量投诉多'];

/** The rows the demo adds: the list, the competitors present at customers, and key persons leaning to one. */
export interface DemoCompetitors {
  competitor: Row[];
  customer_competitor: Row[];
}

/**
 * One to three competitors at about half the active customers (a fifth of the others), each with an
 * estimated share of 5–35 % while the shares stay at or below 90 % together, what they supply and how they
 * compare; at a third of those customers one active key person favours one of them (set on `keyPersons`).
 */
export function planCompetitors(
  demo: Demo,
  customers: readonly DemoCustomer[],
  keyPersons: Row[],
): DemoCompetitors {
  const competitor: Row[] = COMPETITORS.map((c) => ({
    id: demo.id(),
    name: c.name,
    website: c.website,
    notes: c.notes,
    active: true,
    created_at: demo.daysAgo(300, 700),
    updated_at: demo.daysAgo(0, 300),
  }));
  const customer_competitor: Row[] = [];
  for (const customer of customers) {
    const likelihood = customer.lifecycle === CustomerLifecycle.ACTIVE ? 0.5 : 0.2;
    if (!demo.chance(likelihood)) continue;
    let left = 90;
    const present = demo.pickSome(competitor, demo.int(1, 3));
    for (const rival of present) {
      const share = demo.chance(0.8) ? Math.min(left, demo.int(5, 35)) : null;
      if (share !== null) left -= share;
      const recordedAt = demo.daysAgo(5, 400);
      customer_competitor.push({
        id: demo.id(),
        customer_id: customer.id,
        competitor_id: String(rival.id),
        supplies: demo.pick(SUPPLIES),
        share_percent: share === null ? null : `${share}.00`,
        since: demo.day(demo.daysAgo(400, 2000)),
        strengths: demo.pick(STRENGTHS),
        weaknesses: demo.pick(WEAKNESSES),
        notes: null,
        created_at: recordedAt,
        updated_at: recordedAt,
      });
    }
    const people = keyPersons.filter((p) => p.customer_id === customer.id && p.active && p.name);
    if (people.length > 0 && demo.chance(0.35)) {
      const person = demo.pick(people);
      person.favours_competitor_id = String(demo.pick(present).id);
    }
  }
  return { competitor, customer_competitor };
}
