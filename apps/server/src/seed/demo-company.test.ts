import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/harness.js';
import { fixedClock } from '../core/clock/clock.js';
import { loadEnv } from '../core/env.js';
import { toGlobalId } from '../core/graphql/global-id.js';
import { createLogger } from '../core/logger.js';
import { Staff } from '../modules/staff/staff.entity.js';
import { seedDemoCompany } from './demo-company.js';
import {
  GROUP_CHAIRMAN,
  GROUP_CUSTOMER_NAME,
  GROUP_KEY_PERSONS,
  GROUP_NEUTRAL_CONTACTS,
} from './demo-group.js';
import { seedOnFirstStart } from './first-start.js';

const db = await testDatabase();
const twin = await testDatabase();
const sql = <T>(query: string, params: unknown[] = []) =>
  db.orm.em.getConnection().execute<T[]>(query, params);
const one = async <T>(query: string, params: unknown[] = []) => (await sql<T>(query, params))[0] as T;

/** Staff count after each start, in this order: production, DOSSIER_SEED=none, demo, demo again. */
const staffAfterStarts: number[] = [];

beforeAll(async () => {
  for (const env of [
    { NODE_ENV: 'production', DOSSIER_SEED: 'demo' },
    { NODE_ENV: 'development', DOSSIER_SEED: 'none' },
    { NODE_ENV: 'test', DOSSIER_SEED: 'demo' },
    { NODE_ENV: 'test', DOSSIER_SEED: 'demo' },
  ]) {
    await seedOnFirstStart(db.orm, loadEnv(env), createLogger(loadEnv({ NODE_ENV: 'test' })), db.clock);
    staffAfterStarts.push((await one<{ n: number }>('select count(*)::int as n from staff')).n);
  }
  await seedDemoCompany(twin.orm.em.fork(), fixedClock('2027-03-01T00:00:00Z'));
});

describe('the demo company', () => {
  // How long seeding takes is no test's business on a shared machine: `npm start` logs it ("ms").
  it('is created on the first start in demo mode outside production, once', () => {
    expect(staffAfterStarts).toEqual([0, 0, 13, 13]);
  });

  it('has the documented logins, all with the demo password, and one rep who left', async () => {
    const staff = await sql<{ email: string; role: string; active: boolean }>(
      `select email, role, active from staff where email in
       ('admin@demo.dossier', 'manager@demo.dossier', 'rep@demo.dossier', 'analyst@demo.dossier',
        'archivist@demo.dossier') or not active order by email`,
    );
    expect(staff).toEqual([
      { email: 'admin@demo.dossier', role: 'ADMIN', active: true },
      { email: 'analyst@demo.dossier', role: 'ANALYST', active: true },
      { email: 'archivist@demo.dossier', role: 'ARCHIVIST', active: true },
      { email: 'former.rep@demo.dossier', role: 'SALES_REP', active: false },
      { email: 'manager@demo.dossier', role: 'SALES_MANAGER', active: true },
      { email: 'rep@demo.dossier', role: 'SALES_REP', active: true },
    ]);
    const roles = await sql(
      'select role, count(*)::int as n from staff where active group by role order by role',
    );
    expect(roles).toEqual([
      { role: 'ADMIN', n: 1 },
      { role: 'ANALYST', n: 1 },
      { role: 'ARCHIVIST', n: 1 },
      { role: 'SALES_MANAGER', n: 2 },
      { role: 'SALES_REP', n: 7 },
    ]);
  });

  it('has about 300 customers across the seven regions, every nature, tier and lifecycle, with branches', async () => {
    type Spread = Record<'customers' | 'regions' | 'cities' | 'branches' | 'groups' | 'stale', number>;
    const spread = await one<Spread>(
      `select count(*)::int as customers, count(distinct region)::int as regions,
              count(distinct nature)::int as natures, count(distinct tier)::int as tiers,
              count(distinct lifecycle)::int as lifecycles, count(distinct city)::int as cities,
              count(parent_id)::int as branches, count(distinct parent_id)::int as groups,
              count(*) filter (where reviewed_at < now() - interval '60 days')::int as stale,
              count(*) filter (where reviewed_at < now() - interval '121 days')::int as older
       from customer`,
    );
    expect(spread.customers).toBeGreaterThanOrEqual(290);
    expect(spread).toMatchObject({ regions: 7, natures: 5, tiers: 3, lifecycles: 3, older: 0 });
    expect(spread.cities).toBeGreaterThan(30);
    expect(spread.branches).toBeGreaterThanOrEqual(spread.groups * 2);
    expect(spread.groups).toBeGreaterThanOrEqual(8);
    expect(spread.stale).toBeGreaterThan(0);
  });

  it('gives every customer but the large group 3 to 12 key persons under one head, most with a profile', async () => {
    const people = await one<Record<'fewest' | 'most' | 'profiled', number>>(
      `select min(n)::int as fewest, max(n)::int as most, min(heads)::int as min_heads,
              max(heads)::int as max_heads, sum(profiles)::float / sum(n) as profiled
       from (select count(*) as n, count(*) filter (where reports_to_id is null) as heads,
                    count(profile_personality) as profiles
             from key_person where customer_id <> (select id from customer where name = ?)
             group by customer_id) per_customer`,
      [GROUP_CUSTOMER_NAME],
    );
    expect(people).toMatchObject({ fewest: 3, most: 12, min_heads: 1, max_heads: 1 });
    expect(people.profiled).toBeGreaterThan(0.6);
    const strays = await one<{ n: number }>(
      `select count(*)::int as n from key_person kp join key_person boss on boss.id = kp.reports_to_id
       where boss.customer_id <> kp.customer_id`,
    );
    expect(strays.n).toBe(0);
  });

  it('has relationships in all four states, noted and with last contacts', async () => {
    const states = await sql<{ state: string; noted: boolean; contacted: boolean }>(
      `select state, bool_or(note is not null) as noted, bool_or(last_contact_at is not null) as contacted
       from relationship group by state order by state`,
    );
    expect(states).toEqual([
      { state: 'NEGATIVE', noted: true, contacted: true },
      { state: 'NEUTRAL', noted: true, contacted: true },
      { state: 'NONE', noted: true, contacted: false },
      { state: 'POSITIVE', noted: true, contacted: true },
    ]);
  });

  it('has projects with amounts and event logs, and decision roles per project and in general', async () => {
    type Counts = Record<'projects' | 'priced' | 'events' | 'general_roles' | 'project_roles', number>;
    const projects = await one<Counts>(
      `select count(*)::int as projects, count(distinct stage)::int as stages, count(amount)::int as priced,
              (select count(*)::int from project_event) as events,
              (select count(*)::int from decision_role_assignment where project_id is null) as general_roles,
              (select count(*)::int from decision_role_assignment where project_id is not null) as project_roles
       from project`,
    );
    expect(projects).toMatchObject({ stages: 7 });
    expect(projects.priced).toBeGreaterThan(projects.projects / 2);
    expect(projects.events).toBeGreaterThan(projects.projects * 2);
    expect(projects.general_roles).toBeGreaterThan(50);
    expect(projects.project_roles).toBeGreaterThan(projects.projects * 2);
  });

  it('has one large group customer of rep@demo.dossier: ~150 key persons six levels deep, with placeholders', async () => {
    const group = await one<Record<string, number | string>>(
      `with recursive chart(id, depth) as (
         select kp.id, 0 from key_person kp join customer c on c.id = kp.customer_id
         where c.name = ? and kp.reports_to_id is null
         union all select kp.id, chart.depth + 1 from key_person kp join chart on kp.reports_to_id = chart.id
       )
       select s.email as owner, count(*)::int as people, max(depth)::int as depth,
              count(*) filter (where depth = 0)::int as heads,
              count(*) filter (where kp.name is null)::int as placeholders,
              count(distinct kp.department)::int as departments,
              (select count(*)::int from key_person k2 join customer c2 on c2.id = k2.customer_id
               where c2.name = ?) as stored,
              (select count(distinct d.project_id)::int from decision_role_assignment d
               join key_person k3 on k3.id = d.key_person_id join customer c3 on c3.id = k3.customer_id
               where c3.name = ? and d.role = 'DECISION_MAKER') as decided_projects
       from chart join key_person kp on kp.id = chart.id join customer c on c.id = kp.customer_id
       join staff s on s.id = c.owner_id group by s.email`,
      [GROUP_CUSTOMER_NAME, GROUP_CUSTOMER_NAME, GROUP_CUSTOMER_NAME],
    );
    // Every stored person is in the one tree under the chairman (no cycle, nobody cut off).
    expect(group).toMatchObject({
      owner: 'rep@demo.dossier',
      people: GROUP_KEY_PERSONS,
      stored: GROUP_KEY_PERSONS,
      heads: 1,
      placeholders: 3,
    });
    expect(group.depth).toBeGreaterThanOrEqual(5);
    expect(group.departments).toBeGreaterThanOrEqual(15);
    // each of the three projects has a decision maker (distinct skips the general roles, whose project is null)
    expect(group.decided_projects).toBe(3);
  });

  it('gives rep@demo.dossier links to the group in all four states, NEUTRAL ones to the named heads', async () => {
    const links = await sql<{ name: string | null; state: string }>(
      `select kp.name, r.state from relationship r join key_person kp on kp.id = r.key_person_id
       join customer c on c.id = kp.customer_id join staff s on s.id = r.staff_id
       where c.name = ? and s.email = 'rep@demo.dossier'`,
      [GROUP_CUSTOMER_NAME],
    );
    expect(new Set(links.map((link) => link.state))).toEqual(
      new Set(['POSITIVE', 'NEUTRAL', 'NEGATIVE', 'NONE']),
    );
    for (const name of Object.values(GROUP_NEUTRAL_CONTACTS)) {
      expect(links.filter((link) => link.name === name)).toEqual([{ name, state: 'NEUTRAL' }]);
    }
    const staff = await one<{ n: number }>(
      `select count(distinct r.staff_id)::int as n from relationship r
       join key_person kp on kp.id = r.key_person_id join customer c on c.id = kp.customer_id where c.name = ?`,
      [GROUP_CUSTOMER_NAME],
    );
    expect(staff.n).toBeGreaterThanOrEqual(4);
  });

  it('finds the group by the name of a key person, and shows its placeholder gap on the map', async () => {
    const rep = await db.orm.em.fork().findOneOrFail(Staff, { email: 'rep@demo.dossier' });
    type Found = {
      customers: {
        nodes: Array<{
          name: string;
          relationshipMap: {
            keyPersons: unknown[];
            coverage: { gaps: Array<{ keyPerson: { name: string; isPlaceholder: boolean } }> };
          };
        }>;
      };
    };
    const found = await db.execute<Found>(
      `query ($search: String!) { customers(first: 5, filter: { search: $search }) { nodes {
        name relationshipMap { keyPersons { id } coverage { gaps { keyPerson { name isPlaceholder } } } }
      } } }`,
      { search: GROUP_NEUTRAL_CONTACTS.procurement },
      { viewer: rep },
    );
    expect(found.errors).toBeUndefined();
    const [group, ...others] = found.data?.customers.nodes ?? [];
    expect([group?.name, others]).toEqual([GROUP_CUSTOMER_NAME, []]);
    expect(group?.relationshipMap.keyPersons).toHaveLength(GROUP_KEY_PERSONS);
    expect(group?.relationshipMap.coverage.gaps.map((gap) => gap.keyPerson)).toContainEqual({
      name: '数字化转型办公室主任',
      isPlaceholder: true,
    });
    const chairman = await db.execute<{ customers: { totalCount: number } }>(
      'query ($search: String!) { customers(first: 1, filter: { search: $search }) { totalCount } }',
      { search: GROUP_CHAIRMAN },
      { viewer: rep },
    );
    expect(chairman.data?.customers.totalCount).toBe(1);
  });

  it('reads the whole map of the group, timelines included, in as many statements as a small one', async () => {
    const rep = await db.orm.em.fork().findOneOrFail(Staff, { email: 'rep@demo.dossier' });
    const map = `query ($id: ID!) { customer(id: $id) { relationshipMap {
      keyPersons { name isPlaceholder title department reportsTo { id } roles { role influence project { name } } }
      relationships { state note staff { name } keyPerson { id } timeline { state change { at actor { name } } } }
      coverage { keyPersonCount gaps { keyPerson { id } suggestedContacts { staff { name } via { id } closeness } } }
    } } }`;
    const customers = await sql<{ id: string; people: number }>(
      `select c.id, count(kp.id)::int as people from customer c join key_person kp on kp.customer_id = c.id
       where c.name = ? or c.code = 'C000001' group by c.id order by people`,
      [GROUP_CUSTOMER_NAME],
    );
    const counts: number[] = [];
    for (const customer of customers) {
      const statements = await db.captureSql(async () => {
        const result = await db.execute(map, { id: toGlobalId('Customer', customer.id) }, { viewer: rep });
        expect(result.errors).toBeUndefined();
      });
      counts.push(statements.length);
    }
    expect(customers.map((customer) => customer.people).at(-1)).toBe(GROUP_KEY_PERSONS);
    // At most the 10 statements of one batch per level for 7 or 150 people. A batch may absorb the next
    // level's when the database answers late on a busy machine (9 seen), never split per person.
    expect(counts.every((count) => count <= 10)).toBe(true);
    expect(counts).toHaveLength(2);
  });

  it('has credit reports, some of them expired', async () => {
    const reports = await one<{ reports: number; expired: number }>(
      `select count(*)::int as reports, count(*) filter (where latest.valid_until < current_date)::int as expired
       from (select distinct on (customer_id) valid_until from credit_report
             order by customer_id, reported_at desc) latest`,
    );
    expect(reports.expired).toBeGreaterThan(0);
    expect(reports.expired).toBeLessThan(reports.reports);
  });

  it('is the same company on every run: same ids, codes and names', async () => {
    const digest = async (database: typeof db) => {
      const [row] = await database.orm.em.getConnection().execute<Array<{ text: string }>>(
        `select string_agg(concat_ws('|', c.id, c.code, c.name, c.owner_id, (
                  select string_agg(kp.name, ',' order by kp.id) from key_person kp where kp.customer_id = c.id)),
                E'\\n' order by c.code) as text
         from customer c`,
      );
      return createHash('sha256')
        .update(row?.text ?? '')
        .digest('hex');
    };
    expect(await digest(twin)).toBe(await digest(db));
  });

  it("has a small archive of the rep's, four of its documents past retention on the day it is made (oldest document first)", async () => {
    const archivist = await twin.orm.em.fork().findOneOrFail(Staff, { email: 'archivist@demo.dossier' });
    const past = await twin.execute<{
      documentsPastRetention: Array<{
        title: string;
        retentionUntil: string;
        customer: { owner: { email: string } };
      }>;
    }>(
      'query { documentsPastRetention(asOf: "2027-03-01") { title retentionUntil customer { owner { email } } } }',
      {},
      { viewer: archivist },
    );
    expect(past.errors).toBeUndefined();
    expect(past.data?.documentsPastRetention.map((d) => [d.title, d.retentionUntil])).toEqual([
      ['营业执照副本（旧版）', '2027-02-26'],
      ['往来函件（货期确认）', '2026-10-01'],
      ['年度报价单', '2026-12-01'],
      ['项目启动会纪要', '2027-02-09'],
    ]);
    expect(new Set(past.data?.documentsPastRetention.map((d) => d.customer.owner.email))).toEqual(
      new Set(['rep@demo.dossier']),
    );
    // Every stored content matches the checksum each read verifies; two are filed under a project.
    const archive = await twin.orm.em.getConnection().execute<Array<Record<string, number>>>(
      `select count(*)::int as documents, count(d.project_id)::int as under_project,
              count(*) filter (where encode(sha256(c.bytes), 'hex') = d.sha256)::int as verified
       from document d join document_content c on c.document_id = d.id`,
    );
    expect(archive[0]).toEqual({ documents: 6, under_project: 2, verified: 6 });
  });

  it('lets rep@demo.dossier sign in with the demo password and see the customers the rep owns', async () => {
    const login = await db.execute<{ login: { token: string; staff: { email: string } } }>(
      `mutation { login(email: "rep@demo.dossier", password: "dossier-demo") { token staff { email } } }`,
    );
    expect(login.data?.login.staff.email).toBe('rep@demo.dossier');
    expect(login.data?.login.token).toMatch(/^[\w-]{43}$/);
    const rep = await db.orm.em.fork().findOneOrFail(Staff, { email: 'rep@demo.dossier' });
    const owned = await db.execute<{ customers: { totalCount: number } }>(
      'query ($owner: ID!) { customers(first: 1, filter: { ownerId: $owner }) { totalCount } }',
      { owner: toGlobalId('Staff', rep.id) },
      { viewer: rep },
    );
    expect(owned.data?.customers.totalCount).toBeGreaterThan(20);
  });

  it('gives every dossier of rep@ feedback and a survey trend, a few complaints unresolved too long', async () => {
    const [row] = await twin.orm.em.getConnection().execute<Array<Record<string, number>>>(
      `select count(distinct c.id)::int as customers,
              count(distinct c.id) filter (where f.id is not null)::int as with_feedback,
              count(distinct c.id) filter (where s.id is not null)::int as with_surveys
       from customer c join staff st on st.id = c.owner_id and st.email = 'rep@demo.dossier'
       left join feedback f on f.customer_id = c.id
       left join satisfaction_survey s on s.customer_id = c.id
       where c.lifecycle <> 'PROSPECT'`,
    );
    expect(row?.with_feedback).toBe(row?.customers);
    expect(row?.with_surveys).toBe(row?.customers);
    const unresolved = await one<{ n: number }>(
      `select count(*)::int as n from risk_assessment where signals @> '[{"code": "COMPLAINT_UNRESOLVED"}]'`,
    );
    expect(unresolved.n).toBeGreaterThan(0);
  });

  it('numbers a customer created afterwards after the demo ones', async () => {
    const rep = await db.orm.em.fork().findOneOrFail(Staff, { email: 'rep@demo.dossier' });
    const created = await db.execute<{ createCustomer: { code: string } }>(
      'mutation { createCustomer(input: { name: "新客户", nature: COMPANY }) { code } }',
      {},
      { viewer: rep },
    );
    const { n } = await one<{ n: number }>('select count(*)::int as n from customer');
    expect(created.data?.createCustomer.code).toBe(`C${String(n).padStart(6, '0')}`);
  });
});
