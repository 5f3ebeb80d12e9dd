import { managerOf, ownerOf, person } from './generate.js';
import { below, pick, unit, uuidOf, weighted } from './random.js';

// The dossier side of the bench data, as in generate.ts: one INSERT … SELECT per table and range of customers,
// every value a function of the row numbers. Customer i has 3–12 key persons numbered i·16 + k (k = 1…),
// the first of them everyone's superior; a person is known to the customer's owner (eight in ten) and now
// and then to the region's manager; one person in two holds a general decision role; a customer has up to
// three projects (numbered i·4 + m) with up to five events each (numbered project·8 + e).

const KEY_PERSONS_MIN = 3;
const KEY_PERSONS_SPREAD = 10;
const TITLES = ['总经理', '副总经理', '采购经理', '技术总监', '财务总监', '项目经理', '工程师', '主管'];
const DEPARTMENTS = ['总经办', '采购部', '技术部', '财务部', '生产部', '信息部'];
const STATES = [
  ['POSITIVE', 35],
  ['NEUTRAL', 35],
  ['NEGATIVE', 10],
  ['NONE', 20],
] as const;
const ROLES = ['DECISION_MAKER', 'ECONOMIC_BUYER', 'TECHNICAL_BUYER', 'USER_BUYER', 'INFLUENCER', 'COACH'];
const STAGES = [
  ['LEAD', 25],
  ['QUALIFIED', 20],
  ['PROPOSAL', 15],
  ['BIDDING', 10],
  ['NEGOTIATION', 10],
  ['WON', 12],
  ['LOST', 8],
] as const;

/** Key persons (k, number n) of customers i in [from, to]. */
const keyPersons = (from: number, to: number) => `
  select i, k, i * 16 + k as n
  from generate_series(${from}::int8, ${to}) i,
       generate_series(1, ${KEY_PERSONS_MIN} + ${below(70, 'i', KEY_PERSONS_SPREAD)}) k`;

export function keyPersonSql(from: number, to: number, today: string): string {
  return `insert into key_person (id, customer_id, name, title, department, reports_to_id, mobile, email,
                                  created_at, updated_at)
    select ${uuidOf('p', 'n')}, ${uuidOf('c', 'i')}, ${person('n')}, ${pick(71, 'n', TITLES)},
           ${pick(72, 'n', DEPARTMENTS)}, case when k > 1 then ${uuidOf('p', 'i * 16 + 1')} end,
           case when ${unit(73, 'n')} < 0.7 then '139' || lpad((n % 100000000)::text, 8, '0') end,
           case when ${unit(74, 'n')} < 0.5 then 'p' || n || '@customer.example' end,
           '${today}'::date - ${below(75, 'n', 1500)}, '${today}'::date - ${below(76, 'n', 100)}
    from (${keyPersons(from, to)}) kp`;
}

/**
 * The owner's relationship with a person (number n·2) and the region's manager's (n·2 + 1); the manager
 * is in the customer owner's region, so a manager's book stays their region's.
 */
const relationships = (from: number, to: number) => `
  select i, n, r.staff_id, n * 2 + r.second as number
  from (${keyPersons(from, to)}) kp,
       lateral (select ${ownerOf('i')} as staff_id, 0 as second where ${unit(80, 'n')} < 0.8
                union all
                select ${managerOf('i')}, 1 where ${unit(81, 'n')} < 0.15) r`;

export function relationshipSql(from: number, to: number, today: string): string {
  return `insert into relationship (id, key_person_id, staff_id, state, last_contact_at, created_at, updated_at)
    select ${uuidOf('l', 'number')}, ${uuidOf('p', 'n')}, staff_id, ${weighted(82, 'number', STATES)},
           '${today}'::date - ${below(83, 'number', 400)}, '${today}'::date - ${below(84, 'number', 1000)},
           '${today}'::date - ${below(85, 'number', 60)}
    from (${relationships(from, to)}) r`;
}

/**
 * The history the relationships would have left: one change of state per relationship, from NONE, made by
 * its staff member (the application's writer records the same shape, history.writer.ts).
 */
export function relationshipHistorySql(from: number, to: number, today: string): string {
  return `with changed as (
      insert into change (id, at, actor_id, entity_type, entity_id, action, customer_id)
      select ${uuidOf('h', 'number')}, '${today}'::date - ${below(85, 'number', 60)}, staff_id, 'Relationship',
             ${uuidOf('l', 'number')}, 'UPDATE', ${uuidOf('c', 'i')}
      from (${relationships(from, to)}) r
      returning id, entity_id)
    insert into field_change (change_id, field, before, after)
    select changed.id, 'state', 'NONE', r.state from changed join relationship r on r.id = changed.entity_id`;
}

export function decisionRoleSql(from: number, to: number, today: string): string {
  return `insert into decision_role_assignment (id, key_person_id, role, influence, created_at, updated_at)
    select ${uuidOf('d', 'n')}, ${uuidOf('p', 'n')}, ${pick(90, 'n', ROLES)},
           ${pick(91, 'n', ['HIGH', 'MEDIUM', 'LOW'])}, '${today}'::date - ${below(92, 'n', 900)},
           '${today}'::date - ${below(93, 'n', 90)}
    from (${keyPersons(from, to)}) kp
    where ${unit(94, 'n')} < 0.5`;
}

const projects = (from: number, to: number) => `
  select i, m, i * 4 + m as j
  from generate_series(${from}::int8, ${to}) i, generate_series(1, ${below(100, 'i', 4)}) m`;

export function projectSql(from: number, to: number, today: string): string {
  return `insert into project (id, customer_id, name, stage, amount, expected_close_date, owner_id,
                               created_at, updated_at)
    select ${uuidOf('j', 'j')}, ${uuidOf('c', 'i')}, ${pick(101, 'j', ['扩产', '系统升级', '年度采购', '新工厂', '改造'])} || '项目 ' || m,
           ${weighted(102, 'j', STAGES)}, ((5 + ${below(103, 'j', 500)}) * 10000)::numeric(14, 2),
           '${today}'::date + ${below(104, 'j', 365)}, ${ownerOf('i')},
           '${today}'::date - (100 + ${below(105, 'j', 700)}), '${today}'::date - ${below(106, 'j', 90)}
    from (${projects(from, to)}) p`;
}

export function projectEventSql(from: number, to: number, today: string): string {
  return `insert into project_event (id, project_id, occurred_at, title, outcome, author_id, created_at, updated_at)
    select ${uuidOf('e', 'j * 8 + e')}, ${uuidOf('j', 'j')}, at, ${pick(110, 'j * 8 + e', ['拜访', '技术交流', '报价', '招标', '商务谈判'])},
           ${pick(111, 'j * 8 + e', ['顺利', '需跟进', '客户有顾虑'])}, ${ownerOf('i')}, at, at
    from (${projects(from, to)}) p, generate_series(1, ${below(112, 'j', 6)}) e,
         lateral (select '${today}'::date - ${below(113, 'j * 8 + e', 100)} * interval '1 day' as at) t`;
}
