import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { parseGlobalId, toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { KeyPerson } from '../key-person/key-person.entity.js';
import { Staff } from '../staff/staff.entity.js';

const db = await testDatabase({ clock: fixedClock('2026-11-30T04:00:00Z') });
const build = builders(db.orm);
let rep: Staff;
let otherRep: Staff;
let manager: Staff;
let customer: Customer;
let hidden: Customer;
let person: KeyPerson;

beforeAll(async () => {
  manager = await build.staff({ name: '周经理' }, StaffRole.SALES_MANAGER);
  rep = await build.staff({ name: '李销售', manager: build.ref(Staff, manager) });
  otherRep = await build.staff({ name: '别组销售' });
  customer = await build.customer({ name: '华东电气', owner: build.ref(Staff, rep) });
  hidden = await build.customer({ name: '别人的客户', owner: build.ref(Staff, otherRep) });
  person = await build.keyPerson(customer, { name: '王总' });
});

const gid = toGlobalId;
const codes = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  (result.errors ?? []).map((e) => [e.extensions?.code, e.extensions?.field ?? null]);

const CREATE = `mutation ($input: CreateCompetitorInput!) { createCompetitor(input: $input) { id name website version } }`;
const RECORD = `mutation ($input: RecordCustomerCompetitorInput!) {
  recordCustomerCompetitor(input: $input) {
    id version sharePercent since supplies strengths weaknesses notes competitor { name } customer { name }
  }
}`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateCustomerCompetitorInput!) {
  updateCustomerCompetitor(id: $id, expectedVersion: $v, input: $input) { id version sharePercent strengths }
}`;
const REMOVE = `mutation ($id: ID!, $v: Int) { removeCustomerCompetitor(id: $id, expectedVersion: $v) }`;
const DOSSIER = `query ($id: ID!) {
  customer(id: $id) {
    competitors { sharePercent competitor { name } }
    history(first: 50) { nodes { entityType action changes { field before after } } }
  }
}`;

async function createCompetitor(name: string, viewer = manager) {
  const result = await db.execute<{ createCompetitor: { id: string } }>(
    CREATE,
    { input: { name } },
    { viewer },
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.createCompetitor.id;
}

describe('the company-wide list', () => {
  it('is kept by managers: a name is unique whatever its case, and a rep may not add one', async () => {
    const created = await db.execute(
      CREATE,
      { input: { name: ' 西门子 ', website: 'siemens.com' } },
      { viewer: manager },
    );
    expect(created.data).toMatchObject({
      createCompetitor: { name: '西门子', website: 'siemens.com', version: 1 },
    });
    const acme = await db.execute(CREATE, { input: { name: 'Acme Corp' } }, { viewer: manager });
    expect(acme.errors).toBeUndefined();
    const twice = await db.execute(CREATE, { input: { name: 'ACME corp' } }, { viewer: manager });
    expect(codes(twice)).toEqual([['BAD_USER_INPUT', 'input.name']]);
    const byRep = await db.execute(CREATE, { input: { name: '施耐德' } }, { viewer: rep });
    expect(codes(byRep)).toEqual([['FORBIDDEN', null]]);
    const list = await db.execute<{ competitors: Array<{ name: string }> }>(
      '{ competitors { name } }',
      {},
      { viewer: rep },
    );
    expect(list.data?.competitors.map((c) => c.name)).toEqual(['Acme Corp', '西门子']);
    // The list has no customer: its changes are kept with none, by the one history writer.
    const changes = await db.orm.em.fork().execute<Array<{ customer_id: string | null; actor_id: string }>>(
      `select c.customer_id, c.actor_id from change c where c.entity_type = 'Competitor'
         and c.entity_id in (select id from competitor where name in ('西门子', 'Acme Corp'))`,
    );
    expect(changes).toEqual([
      { customer_id: null, actor_id: manager.id },
      { customer_id: null, actor_id: manager.id },
    ]);
  });

  it('retires a competitor: off the list, not offered for new records', async () => {
    const id = await createCompetitor('旧对手');
    const retired = await db.execute(
      'mutation ($id: ID!) { updateCompetitor(id: $id, expectedVersion: 1, input: { active: false }) { active version } }',
      { id },
      { viewer: manager },
    );
    expect(retired.data).toEqual({ updateCompetitor: { active: false, version: 2 } });
    const list = await db.execute<{ competitors: Array<{ name: string }> }>(
      '{ competitors { name } }',
      {},
      { viewer: rep },
    );
    expect(list.data?.competitors.map((c) => c.name)).not.toContain('旧对手');
    const record = await db.execute(
      RECORD,
      { input: { customerId: gid('Customer', hidden.id), competitorId: id } },
      { viewer: otherRep },
    );
    expect(codes(record)).toEqual([['BAD_USER_INPUT', 'input.competitorId']]);
  });
});

describe('competitors at a customer', () => {
  it('records, changes and removes a presence, each write versioned and in the dossier history', async () => {
    const abb = await createCompetitor('ABB');
    const recorded = await db.execute<{ recordCustomerCompetitor: { id: string } }>(
      RECORD,
      {
        input: {
          customerId: gid('Customer', customer.id),
          competitorId: abb,
          sharePercent: '35.5',
          since: '2024-03-01',
          supplies: '低压开关柜',
          strengths: '价格低',
          weaknesses: '交期长',
          notes: '采购部偏好',
        },
      },
      { viewer: rep },
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordCustomerCompetitor).toMatchObject({
      version: 1,
      sharePercent: '35.50',
      since: '2024-03-01',
      supplies: '低压开关柜',
      competitor: { name: 'ABB' },
      customer: { name: '华东电气' },
    });
    const id = recorded.data?.recordCustomerCompetitor.id as string;
    const changed = await db.execute(
      UPDATE,
      { id, v: 1, input: { sharePercent: '40', strengths: null } },
      { viewer: rep },
    );
    expect(changed.data).toEqual({
      updateCustomerCompetitor: { id, version: 2, sharePercent: '40.00', strengths: null },
    });
    const stale = await db.execute(UPDATE, { id, v: 1, input: { sharePercent: '10' } }, { viewer: rep });
    expect(codes(stale)).toEqual([['VERSION_CONFLICT', null]]);

    const read = await db.execute<{
      customer: {
        competitors: unknown[];
        history: { nodes: Array<{ entityType: string; action: string; changes: unknown[] }> };
      };
    }>(DOSSIER, { id: gid('Customer', customer.id) }, { viewer: rep });
    expect(read.data?.customer.competitors).toEqual([{ sharePercent: '40.00', competitor: { name: 'ABB' } }]);
    const mine = read.data?.customer.history.nodes.filter((n) => n.entityType === 'CustomerCompetitor');
    expect(mine?.map((n) => n.action)).toEqual(['UPDATE', 'CREATE']);
    expect(mine?.[0]?.changes).toEqual([
      { field: 'sharePercent', before: '35.50', after: '40.00' },
      { field: 'strengths', before: '价格低', after: null },
    ]);

    const removed = await db.execute(REMOVE, { id, v: 2 }, { viewer: rep });
    expect(removed.data).toEqual({ removeCustomerCompetitor: true });
    const after = await db.execute<{
      customer: { competitors: unknown[]; history: { nodes: Array<{ entityType: string; action: string }> } };
    }>(DOSSIER, { id: gid('Customer', customer.id) }, { viewer: rep });
    expect(after.data?.customer.competitors).toEqual([]);
    expect(after.data?.customer.history.nodes[0]).toMatchObject({
      entityType: 'CustomerCompetitor',
      action: 'DELETE',
    });
  });

  it('refuses shares that would take the competitors past 100 % of the customer, changing nothing', async () => {
    const [first, second] = [await createCompetitor('正泰'), await createCompetitor('德力西')];
    const fresh = await build.customer({ name: '苏州精工', owner: build.ref(Staff, rep) });
    const at = gid('Customer', fresh.id);
    const ok = await db.execute(
      RECORD,
      { input: { customerId: at, competitorId: first, sharePercent: '60' } },
      { viewer: rep },
    );
    expect(ok.errors).toBeUndefined();
    const counts = await tableCounts(db.orm);
    const over = await db.execute(
      RECORD,
      { input: { customerId: at, competitorId: second, sharePercent: '40.01' } },
      { viewer: rep },
    );
    expect(codes(over)).toEqual([['BAD_USER_INPUT', 'input.sharePercent']]);
    const range = await db.execute(
      RECORD,
      { input: { customerId: at, competitorId: second, sharePercent: '101' } },
      { viewer: rep },
    );
    expect(codes(range)).toEqual([['BAD_USER_INPUT', 'input.sharePercent']]);
    const twice = await db.execute(
      RECORD,
      { input: { customerId: at, competitorId: first } },
      { viewer: rep },
    );
    expect(codes(twice)).toEqual([['BAD_USER_INPUT', 'input.competitorId']]);
    // Refused, each of them, with nothing written: no row, no history.
    expect(await tableCounts(db.orm)).toEqual(counts);
    const exactly = await db.execute(
      RECORD,
      { input: { customerId: at, competitorId: second, sharePercent: '40' } },
      { viewer: rep },
    );
    expect(exactly.errors).toBeUndefined();
    const read = await db.execute<{ customer: { competitors: unknown[] } }>(
      DOSSIER,
      { id: at },
      { viewer: rep },
    );
    expect(read.data?.customer.competitors).toEqual([
      { sharePercent: '40.00', competitor: { name: '德力西' } },
      { sharePercent: '60.00', competitor: { name: '正泰' } },
    ]);
  });

  it('checks a writer against a concurrent one of the same customer only once that one committed', async () => {
    const [first, second] = [await createCompetitor('良信'), await createCompetitor('天正')];
    const fresh = await build.customer({ name: '无锡华光', owner: build.ref(Staff, rep) });
    // Another writer holds the customer's lock with 60 % written, not yet committed…
    const other = db.orm.em.fork();
    await other.begin();
    await other.execute('select id from customer where id = ? for update', [fresh.id]);
    await other.execute(
      `insert into customer_competitor (id, customer_id, competitor_id, share_percent)
       values (gen_random_uuid(), ?, ?, 60)`,
      [fresh.id, parseGlobalId(first)?.id],
    );
    // …so this one waits, then counts those 60 % and refuses its own 60 %.
    const pending = db.execute(
      RECORD,
      { input: { customerId: gid('Customer', fresh.id), competitorId: second, sharePercent: '60' } },
      { viewer: rep },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await other.commit();
    expect(codes(await pending)).toEqual([['BAD_USER_INPUT', 'input.sharePercent']]);
  });

  it('answers a customer outside the book as one that does not exist, and an analyst may not write', async () => {
    const competitorId = await createCompetitor('ABB 中国');
    const hiddenRecord = await db.execute(
      RECORD,
      { input: { customerId: gid('Customer', hidden.id), competitorId } },
      { viewer: rep },
    );
    expect(codes(hiddenRecord)).toEqual([['NOT_FOUND', 'input.customerId']]);
    const analyst = await build.staff({}, StaffRole.ANALYST);
    const byAnalyst = await db.execute(
      RECORD,
      { input: { customerId: gid('Customer', customer.id), competitorId } },
      { viewer: analyst },
    );
    expect(codes(byAnalyst)).toEqual([['FORBIDDEN', null]]);
  });
});

describe('a key person favouring a competitor', () => {
  it('is set and cleared through updateKeyPerson, shown on the person and kept in the history', async () => {
    const competitorId = await createCompetitor('海尔');
    const SET = `mutation ($id: ID!, $v: Int!, $c: ID) {
      updateKeyPerson(id: $id, expectedVersion: $v, input: { favoursCompetitorId: $c }) { version favoursCompetitor { name } }
    }`;
    const id = gid('KeyPerson', person.id);
    const set = await db.execute(SET, { id, v: 1, c: competitorId }, { viewer: rep });
    expect(set.data).toEqual({ updateKeyPerson: { version: 2, favoursCompetitor: { name: '海尔' } } });
    const map = await db.execute<{ customer: { relationshipMap: { keyPersons: unknown[] } } }>(
      'query ($id: ID!) { customer(id: $id) { relationshipMap { keyPersons { name favoursCompetitor { name } } } } }',
      { id: gid('Customer', customer.id) },
      { viewer: rep },
    );
    expect(map.data?.customer.relationshipMap.keyPersons).toEqual([
      { name: '王总', favoursCompetitor: { name: '海尔' } },
    ]);
    const wrong = await db.execute(SET, { id, v: 2, c: gid('Customer', customer.id) }, { viewer: rep });
    expect(codes(wrong)).toEqual([['BAD_USER_INPUT', 'input.favoursCompetitorId']]);
    const cleared = await db.execute(SET, { id, v: 2, c: null }, { viewer: rep });
    expect(cleared.data).toEqual({ updateKeyPerson: { version: 3, favoursCompetitor: null } });
    const history = await db.execute<{
      customer: { history: { nodes: Array<{ entityType: string; changes: unknown[] }> } };
    }>(
      'query ($id: ID!) { customer(id: $id) { history(first: 5) { nodes { entityType changes { field before after } } } } }',
      { id: gid('Customer', customer.id) },
      { viewer: rep },
    );
    const [latest, earlier] = history.data?.customer.history.nodes ?? [];
    expect(latest).toEqual({
      entityType: 'KeyPerson',
      changes: [{ field: 'favoursCompetitorId', before: competitorId, after: null }],
    });
    expect(earlier).toEqual({
      entityType: 'KeyPerson',
      changes: [{ field: 'favoursCompetitorId', before: null, after: competitorId }],
    });
  });
});
