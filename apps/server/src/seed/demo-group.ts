import {
  CustomerLifecycle,
  CustomerNature,
  CustomerTier,
  DecisionRole,
  InfluenceLevel,
  ProjectStage,
  RelationshipState,
} from '@dossier/domain';
import type { Row } from './bulk-insert.js';
import { personalProfile } from './demo-people.js';
import { type Bearing, CONCERNS, EVENT_FLOW, EVENTS_BY_STAGE, RELATIONSHIP_NOTES } from './demo-phrases.js';
import { addDays, type Demo, latest, yuan } from './demo-random.js';
import type { DemoStaff } from './demo-staff.js';

// One large group customer (集团客户) whose relationship map is big enough to try the map on: ~150 key
// persons six levels deep, three projects, several of our staff, a few placeholders. Its fixed names are
// what end-to-end tests and people trying the demo search for.

export const GROUP_CUSTOMER_NAME = '长江智造集团有限公司';
export const GROUP_CHAIRMAN = '欧阳振华';
/** Department heads rep@demo.dossier knows only on NEUTRAL terms: edges a test can flip. */
export const GROUP_NEUTRAL_CONTACTS = {
  procurement: '司马文静',
  it: '诸葛明远',
  operations: '上官雨晴',
} as const;
export const GROUP_KEY_PERSONS = 150;
/** The group is drawn by a generator of its own (Demo.withSeed). */
export const GROUP_SEED = 20_261_129;

interface Person {
  id: string;
  /** 0 the chairman … 5 the staff of a section */
  level: number;
  title: string;
  department: string;
  bearing: Bearing;
  row: Row;
}

type Dept = [department: string, bearing: Bearing, headName?: string, placeholder?: 'placeholder'];
type Division = [title: string, department: string, bearing: Bearing, departments: Dept[]];

/** The divisions under the president, each with its departments (level 3). */
const DIVISIONS: Division[] = [
  [
    '常务副总裁',
    '总裁办公室',
    'management',
    [
      ['战略发展部', 'management'],
      ['法务合规部', 'management'],
    ],
  ],
  [
    '首席财务官',
    '财务管理中心',
    'finance',
    [
      ['财务部', 'finance'],
      ['审计部', 'finance', undefined, 'placeholder'],
      ['资金管理部', 'finance'],
    ],
  ],
  [
    '首席技术官',
    '研发中心',
    'technical',
    [
      ['研发一部', 'technical'],
      ['研发二部', 'technical'],
      ['信息技术部', 'technical', GROUP_NEUTRAL_CONTACTS.it],
    ],
  ],
  [
    '运营副总裁',
    '运营管理中心',
    'user',
    [
      ['生产运营部', 'user', GROUP_NEUTRAL_CONTACTS.operations],
      ['质量管理部', 'user'],
      ['设备管理部', 'technical'],
    ],
  ],
  [
    '供应链副总裁',
    '供应链管理中心',
    'purchasing',
    [
      ['采购中心', 'purchasing', GROUP_NEUTRAL_CONTACTS.procurement],
      ['物流仓储部', 'user'],
    ],
  ],
];

const SECTION_TITLES = ['副总经理', '高级经理', '经理'];
const STAFF_TITLES: Record<Bearing, string[]> = {
  management: ['主管', '专员', '高级专员'],
  finance: ['主管会计', '会计', '财务分析师'],
  technical: ['高级工程师', '工程师', '技术主管'],
  purchasing: ['采购主管', '采购工程师', '采购专员'],
  user: ['车间主任', '班组长', '工艺工程师'],
};

/** The org chart, head first: six levels, every person but the chairman reporting to someone. */
function planPeople(demo: Demo, customerId: string, createdAt: Date): Person[] {
  const people: Person[] = [];
  const add = (
    level: number,
    title: string,
    department: string,
    bearing: Bearing,
    boss: Person | null,
    name: string | null = demo.faker.person.fullName(),
  ) => {
    const id = demo.id();
    const added = latest(createdAt, demo.daysAgo(20, 300));
    const person: Person = {
      id,
      level,
      title,
      department,
      bearing,
      row: {
        id,
        customer_id: customerId,
        name,
        title,
        department,
        reports_to_id: boss?.id ?? null,
        mobile: name ? `1${demo.pick(['35', '38', '39', '86', '88'])}${demo.digits(8)}` : null,
        office_phone: name ? `0512-6688 ${demo.int(1000, 8999)}` : null,
        email:
          name && demo.chance(0.6)
            ? `${demo.faker.string.alpha({ length: 6, casing: 'lower' })}@cjzz-group.com.cn`
            : null,
        active: true,
        created_at: added,
        updated_at: added,
        ...(name && demo.chance(level < 4 ? 0.8 : 0.4)
          ? personalProfile(demo, Math.min(level, 2) as 0 | 1 | 2, demo.int(1998, 2022))
          : {}),
      },
    };
    people.push(person);
    return person;
  };
  const chairman = add(0, '董事长', '董事会', 'management', null, GROUP_CHAIRMAN);
  const president = add(1, '总裁', '总裁办公室', 'management', chairman);
  // Known to exist, not yet met: the head of the digital-transformation office that drives project one.
  add(2, '数字化转型办公室主任', '数字化转型办公室', 'management', president, null);
  const sections: Person[] = [];
  for (const [title, division, bearing, departments] of DIVISIONS) {
    const vp = add(2, title, division, bearing, president);
    for (const [department, deptBearing, headName, placeholder] of departments) {
      const head = add(3, `${department}总经理`, department, deptBearing, vp, placeholder ? null : headName);
      for (const [i, section] of SECTION_TITLES.entries()) {
        // One deputy in R&D is a placeholder too: the map draws a gap inside the tree, not only at its top.
        const unknown = department === '研发二部' && i === 0;
        sections.push(
          add(4, `${department}${section}`, department, deptBearing, head, unknown ? null : undefined),
        );
      }
    }
  }
  while (people.length < GROUP_KEY_PERSONS) {
    const boss = demo.pick(sections);
    add(5, demo.pick(STAFF_TITLES[boss.bearing]), boss.department, boss.bearing, boss);
  }
  return people;
}

const { DECISION_MAKER, ECONOMIC_BUYER, TECHNICAL_BUYER, USER_BUYER, INFLUENCER, GATEKEEPER, COACH } =
  DecisionRole;
const { HIGH, MEDIUM, LOW } = InfluenceLevel;

type Casting = Array<[title: string, DecisionRole, InfluenceLevel]>;

/** Three purchases under way, each with who plays which part, by title (titles are unique up to level 4). */
const PROJECTS: Array<[name: string, ProjectStage, amount: number, Casting]> = [
  [
    '2026年集团数字化工厂建设项目',
    ProjectStage.BIDDING,
    12_800_000,
    [
      ['总裁', DECISION_MAKER, HIGH],
      ['数字化转型办公室主任', DECISION_MAKER, HIGH],
      ['首席财务官', ECONOMIC_BUYER, HIGH],
      ['首席技术官', TECHNICAL_BUYER, HIGH],
      ['信息技术部总经理', TECHNICAL_BUYER, MEDIUM],
      ['采购中心总经理', GATEKEEPER, MEDIUM],
      ['生产运营部总经理', USER_BUYER, MEDIUM],
      ['信息技术部经理', COACH, LOW],
    ],
  ],
  [
    '2026年集团智能仓储物流项目',
    ProjectStage.PROPOSAL,
    4_600_000,
    [
      ['供应链副总裁', DECISION_MAKER, HIGH],
      ['首席财务官', ECONOMIC_BUYER, MEDIUM],
      ['物流仓储部总经理', USER_BUYER, MEDIUM],
      ['采购中心总经理', GATEKEEPER, MEDIUM],
      ['物流仓储部副总经理', INFLUENCER, HIGH],
    ],
  ],
  [
    '2027年设备更新框架采购',
    ProjectStage.QUALIFIED,
    2_300_000,
    [
      ['运营副总裁', DECISION_MAKER, HIGH],
      ['设备管理部总经理', TECHNICAL_BUYER, HIGH],
      ['资金管理部总经理', ECONOMIC_BUYER, MEDIUM],
      ['采购中心副总经理', GATEKEEPER, LOW],
    ],
  ],
];

const GENERAL_ROLES: Casting = [
  ['董事长', DECISION_MAKER, HIGH],
  ['常务副总裁', INFLUENCER, HIGH],
  ['审计部总经理', INFLUENCER, MEDIUM],
];

/** Fixed links (title, staff e-mail, state); the rest are drawn. Each of rep@'s four states appears here. */
const LINKS: Array<[title: string, email: string, RelationshipState]> = [
  ['采购中心总经理', 'rep@demo.dossier', RelationshipState.NEUTRAL],
  ['信息技术部总经理', 'rep@demo.dossier', RelationshipState.NEUTRAL],
  ['生产运营部总经理', 'rep@demo.dossier', RelationshipState.NEUTRAL],
  ['首席技术官', 'rep@demo.dossier', RelationshipState.POSITIVE],
  ['首席财务官', 'rep@demo.dossier', RelationshipState.NEGATIVE],
  ['供应链副总裁', 'rep@demo.dossier', RelationshipState.NONE],
  ['董事长', 'manager@demo.dossier', RelationshipState.POSITIVE],
  ['总裁', 'manager@demo.dossier', RelationshipState.NEUTRAL],
  ['运营副总裁', 'former.rep@demo.dossier', RelationshipState.POSITIVE],
];

const STATES = [
  [RelationshipState.POSITIVE, 30],
  [RelationshipState.NEUTRAL, 35],
  [RelationshipState.NEGATIVE, 10],
  [RelationshipState.NONE, 25],
] as const;

/** How many more people (below the fixed links) each staff member knows, drawn from levels 3 to 5. */
const DRAWN: Array<[email: string, count: number]> = [
  ['rep@demo.dossier', 30],
  ['manager@demo.dossier', 6],
  ['rep2@demo.dossier', 8],
  ['rep5@demo.dossier', 5],
  ['former.rep@demo.dossier', 6],
];

function planLinks(demo: Demo, people: Person[], staff: DemoStaff[]): Row[] {
  const known = people.filter((p) => p.row.name !== null);
  const byTitle = new Map(known.map((p) => [p.title, p]));
  const staffId = new Map(staff.map((s) => [s.email, s.id]));
  const pairs = new Map<string, [Person, string, RelationshipState]>();
  const link = (person: Person | undefined, email: string, state: RelationshipState) => {
    const id = staffId.get(email);
    if (person && id && !pairs.has(`${person.id}|${id}`))
      pairs.set(`${person.id}|${id}`, [person, id, state]);
  };
  for (const [title, email, state] of LINKS) link(byTitle.get(title), email, state);
  const below = known.filter((p) => p.level >= 3);
  for (const [email, count] of DRAWN) {
    for (const person of demo.pickSome(below, count)) link(person, email, demo.weighted(STATES));
  }
  return [...pairs.values()].map(([person, staffMember, state]) => {
    const createdAt = demo.daysAgo(60, 300);
    const lastContactAt = state === RelationshipState.NONE ? null : latest(createdAt, demo.daysAgo(2, 60));
    return {
      id: demo.id(),
      key_person_id: person.id,
      staff_id: staffMember,
      state,
      note: demo.chance(0.6) ? demo.pick(RELATIONSHIP_NOTES[state]) : null,
      last_contact_at: lastContactAt,
      created_at: createdAt,
      updated_at: lastContactAt ?? createdAt,
    };
  });
}

function role(demo: Demo, person: Person, project: string | null, casting: Casting[number], at: Date): Row {
  const [, what, influence] = casting;
  return {
    id: demo.id(),
    key_person_id: person.id,
    project_id: project,
    role: what,
    influence,
    concerns: demo.pick(CONCERNS[what]),
    created_at: at,
    updated_at: at,
  };
}

/** The group's projects, their event logs so far, and the decision roles in each and in general. */
function planProjects(demo: Demo, customerId: string, ownerId: string, people: Person[]) {
  const byTitle = new Map(people.map((p) => [p.title, p]));
  const cast = (casting: Casting, project: string | null, at: Date) =>
    casting.flatMap((part) => {
      const person = byTitle.get(part[0]);
      return person ? [role(demo, person, project, part, at)] : [];
    });
  const projects: Row[] = [];
  const events: Row[] = [];
  const roles: Row[] = cast(GENERAL_ROLES, null, demo.daysAgo(200, 300));
  for (const [name, stage, amount, casting] of PROJECTS) {
    const id = demo.id();
    const start = demo.daysAgo(90, 180);
    const flow = EVENT_FLOW.slice(0, EVENTS_BY_STAGE[stage]);
    flow.forEach((step, i) => {
      const occurredAt = addDays(start, Math.round(((i + 0.5) * 80) / flow.length));
      events.push({
        id: demo.id(),
        project_id: id,
        occurred_at: occurredAt,
        title: step.title,
        description: null,
        outcome: demo.pick(step.outcomes),
        next_step: step.nextStep,
        author_id: ownerId,
        created_at: occurredAt,
        updated_at: occurredAt,
      });
    });
    projects.push({
      id,
      customer_id: customerId,
      name,
      stage,
      amount: yuan(amount),
      expected_close_date: demo.day(addDays(demo.today, demo.int(30, 200))),
      owner_id: ownerId,
      created_at: start,
      updated_at: start,
    });
    roles.push(...cast(casting, id, start));
  }
  return { projects, events, roles };
}

/** The group customer with `code`, owned by rep@demo.dossier, as table rows. */
export function planGroupCustomer(demo: Demo, staff: DemoStaff[], code: string) {
  const ownerId = staff.find((s) => s.email === 'rep@demo.dossier')?.id ?? '';
  const id = demo.id();
  const createdAt = demo.daysAgo(300, 400);
  const customer: Row = {
    id,
    code,
    name: GROUP_CUSTOMER_NAME,
    nature: CustomerNature.COMPANY,
    tier: CustomerTier.IMPORTANT,
    lifecycle: CustomerLifecycle.PROSPECT,
    industry: '装备制造',
    region: '华东',
    city: '苏州',
    address: '苏州市工业园区星湖街888号',
    phone: '0512-66880000',
    website: 'https://www.cjzz-group.com.cn',
    legal_representative: GROUP_CHAIRMAN,
    parent_id: null,
    owner_id: ownerId,
    credit_limit: null,
    reviewed_at: demo.daysAgo(1, 20),
    created_at: createdAt,
    updated_at: demo.daysAgo(0, 10),
  };
  const people = planPeople(demo, id, createdAt);
  const { projects, events, roles } = planProjects(demo, id, ownerId, people);
  return {
    customer,
    keyPersons: people.map((p) => p.row),
    relationships: planLinks(demo, people, staff),
    projects,
    events,
    roles,
  };
}
