import { CustomerLifecycle, DecisionRole, InfluenceLevel, ProjectStage } from '@dossier/domain';
import type { Row } from './bulk-insert.js';
import type { DemoCustomer } from './demo-customers.js';
import type { DemoKeyPerson } from './demo-people.js';
import {
  type Bearing,
  CONCERNS,
  EVENT_FLOW,
  EVENTS_BY_STAGE,
  LOST_EVENT,
  PROJECT_KINDS,
} from './demo-phrases.js';
import { addDays, type Demo, earliest, latest, yuan } from './demo-random.js';

const { LEAD, QUALIFIED, PROPOSAL, BIDDING, NEGOTIATION, WON, LOST } = ProjectStage;
const { HIGH, MEDIUM, LOW } = InfluenceLevel;

const STAGES: Record<CustomerLifecycle, ReadonlyArray<readonly [ProjectStage, number]>> = {
  [CustomerLifecycle.PROSPECT]: [
    [LEAD, 35],
    [QUALIFIED, 30],
    [PROPOSAL, 20],
    [BIDDING, 15],
  ],
  [CustomerLifecycle.ACTIVE]: [
    [LEAD, 10],
    [QUALIFIED, 15],
    [PROPOSAL, 20],
    [BIDDING, 15],
    [NEGOTIATION, 15],
    [WON, 15],
    [LOST, 10],
  ],
  [CustomerLifecycle.DORMANT]: [
    [WON, 60],
    [LOST, 40],
  ],
};

const PROJECT_COUNTS: Record<CustomerLifecycle, ReadonlyArray<readonly [number, number]>> = {
  [CustomerLifecycle.PROSPECT]: [
    [0, 30],
    [1, 50],
    [2, 20],
  ],
  [CustomerLifecycle.ACTIVE]: [
    [1, 40],
    [2, 40],
    [3, 20],
  ],
  [CustomerLifecycle.DORMANT]: [
    [0, 50],
    [1, 50],
  ],
};

/** The role a post usually plays in a purchase, with its likely influence. */
const ROLE_OF: Record<Bearing, [DecisionRole, InfluenceLevel[]]> = {
  management: [DecisionRole.INFLUENCER, [HIGH, MEDIUM]],
  finance: [DecisionRole.ECONOMIC_BUYER, [HIGH, MEDIUM]],
  technical: [DecisionRole.TECHNICAL_BUYER, [MEDIUM, HIGH]],
  purchasing: [DecisionRole.GATEKEEPER, [MEDIUM, LOW]],
  user: [DecisionRole.USER_BUYER, [MEDIUM, LOW]],
};

function role(
  demo: Demo,
  person: DemoKeyPerson,
  project: string | null,
  what: DecisionRole,
  influence: InfluenceLevel,
  at: Date,
): Row {
  return {
    id: demo.id(),
    key_person_id: person.id,
    project_id: project,
    role: what,
    influence,
    concerns: demo.chance(0.8) ? demo.pick(CONCERNS[what]) : null,
    created_at: at,
    updated_at: at,
  };
}

/** Who plays which part in one purchase: a decision maker at the top, the department heads, maybe a coach. */
function projectRoles(demo: Demo, people: DemoKeyPerson[], project: string, at: Date): Row[] {
  const present = people.filter((p) => p.active);
  const roles: Row[] = [];
  let decisionMaker = false;
  let coach = false;
  for (const person of present) {
    const [usual, influences] = ROLE_OF[person.post.bearing];
    if (person.level === 0) {
      decisionMaker = demo.chance(0.8);
      roles.push(
        role(
          demo,
          person,
          project,
          decisionMaker ? DecisionRole.DECISION_MAKER : DecisionRole.INFLUENCER,
          HIGH,
          at,
        ),
      );
    } else if (person.level === 1 && !decisionMaker && person.post.bearing === 'management') {
      decisionMaker = true;
      roles.push(role(demo, person, project, DecisionRole.DECISION_MAKER, HIGH, at));
    } else if (person.level === 1 && demo.chance(0.7)) {
      roles.push(role(demo, person, project, usual, demo.pick(influences), at));
    } else if (person.level === 2 && !coach && demo.chance(0.2)) {
      coach = true;
      roles.push(role(demo, person, project, DecisionRole.COACH, demo.pick([LOW, MEDIUM]), at));
    } else if (person.level === 2 && demo.chance(0.15)) {
      roles.push(role(demo, person, project, usual, LOW, at));
    }
  }
  return roles;
}

/** Roles for the customer in general (no project): the head decides, one senior person sways. */
export function generalRoles(demo: Demo, customer: DemoCustomer, people: DemoKeyPerson[]): Row[] {
  const [head] = people;
  const senior = people.filter((p) => p.level === 1 && p.active);
  if (!head?.active || senior.length === 0 || !demo.chance(0.5)) return [];
  return [
    role(demo, head, null, DecisionRole.DECISION_MAKER, HIGH, customer.createdAt),
    role(demo, demo.pick(senior), null, DecisionRole.INFLUENCER, MEDIUM, customer.createdAt),
  ];
}

/**
 * The customer's projects with their important-event logs (as far as the stage has come) and the decision
 * roles in each. `author` writes the log of projects nobody owns.
 */
export function planProjects(demo: Demo, customer: DemoCustomer, people: DemoKeyPerson[], author: string) {
  const projects: Row[] = [];
  const events: Row[] = [];
  const roles: Row[] = [];
  const present = people.filter((p) => p.active);
  for (let n = demo.weighted(PROJECT_COUNTS[customer.lifecycle]); n > 0; n -= 1) {
    const id = demo.id();
    const stage = demo.weighted(STAGES[customer.lifecycle]);
    const closed = stage === WON || stage === LOST;
    const start = latest(
      customer.createdAt,
      customer.lifecycle === CustomerLifecycle.DORMANT ? demo.daysAgo(400, 900) : demo.daysAgo(40, 400),
    );
    const end = closed
      ? earliest(addDays(start, demo.int(60, 200)), addDays(demo.today, -1))
      : demo.daysAgo(1, 10);
    const flow =
      stage === LOST
        ? [...EVENT_FLOW.slice(0, demo.int(3, 6)), LOST_EVENT]
        : EVENT_FLOW.slice(0, EVENTS_BY_STAGE[stage]);
    const span = end.getTime() - start.getTime();
    flow.forEach((step, i) => {
      const participants = demo.pickSome(present, Math.min(present.length, demo.int(1, 2)));
      const occurredAt = new Date(start.getTime() + Math.round((span * (i + 0.5)) / flow.length));
      events.push({
        id: demo.id(),
        project_id: id,
        occurred_at: occurredAt,
        title: step.title,
        description: `参加人：${participants.map((p) => `${p.name}（${p.post.title}）`).join('、')}`,
        outcome: demo.pick(step.outcomes),
        next_step: step.nextStep,
        author_id: customer.ownerId ?? author,
        created_at: occurredAt,
        updated_at: occurredAt,
      });
    });
    projects.push({
      id,
      customer_id: customer.id,
      name: `${start.getUTCFullYear()}年${demo.pick(PROJECT_KINDS)}项目`,
      stage,
      amount: stage === LEAD && demo.chance(0.5) ? null : yuan(demo.int(5, 800) * 10_000),
      expected_close_date: demo.day(closed ? end : addDays(demo.today, demo.int(15, 240))),
      owner_id: customer.ownerId,
      created_at: start,
      updated_at: end,
    });
    roles.push(...projectRoles(demo, people, id, start));
  }
  return { projects, events, roles };
}
