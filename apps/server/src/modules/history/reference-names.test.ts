import { StaffRole } from '@dossier/domain';
import { ref } from '@mikro-orm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { runAs } from '../../core/audit/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Customer } from '../customer/customer.entity.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import { Project } from '../project/project.entity.js';
import { ProjectEvent } from '../project/project-event.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { Order } from '../trade/order.entity.js';
import { OrderReturn } from '../trade/order-return.entity.js';
import { Payment } from '../trade/payment.entity.js';

const db = await testDatabase({ clock: fixedClock('2026-11-29T10:00:00Z') });
const build = builders(db.orm);

let manager: Staff;
let li: Staff;
let zhang: Staff;
let customer: Customer;

/** One flush on the manager's behalf: one change per record it touches. */
async function change(work: (em: ReturnType<typeof db.orm.em.fork>) => Promise<void> | void) {
  const em = db.orm.em.fork();
  await work(em);
  await runAs(manager.id, () => em.flush());
}

beforeAll(async () => {
  manager = await build.staff({ name: '王经理' }, StaffRole.ADMIN);
  li = await build.staff({ name: '李娜' });
  zhang = await build.staff({ name: '张伟' });
  const headOffice = await build.customer({ name: '上海同创集团' });
  customer = await build.customer({ name: '上海同创电力' });
  const boss = await build.keyPerson(customer, { name: '陈总' });
  const gone = await build.keyPerson(customer, { name: '刘主任' });
  const deputy = await build.keyPerson(customer, { name: '周副总' });

  await change(async (em) => {
    const row = await em.findOneOrFail(Customer, customer.id);
    row.owner = em.getReference(Staff, li.id, { wrapped: true });
    row.parent = em.getReference(Customer, headOffice.id, { wrapped: true });
  });
  await change((em) => {
    const project = new Project(em.getReference(Customer, customer.id, { wrapped: true }), '配电改造');
    project.owner = ref(em.getReference(Staff, zhang.id));
    const author = ref(em.getReference(Staff, manager.id));
    em.persist([
      project,
      new ProjectEvent(ref(project), new Date('2026-11-20T02:00:00Z'), '现场勘查', author),
    ]);
  });
  await change((em) => {
    const order = new Order(
      'SO-2026-001',
      em.getReference(Customer, customer.id, { wrapped: true }),
      '2026-11-02',
    );
    order.rep = ref(em.getReference(Staff, li.id));
    em.persist([
      order,
      new Payment(ref(order), '2026-11-10', '5000.00'),
      new OrderReturn(order, '2026-11-12', '100.00', '质量问题'),
    ]);
  });
  await change(async (em) => {
    const row = await em.findOneOrFail(KeyPerson, deputy.id);
    row.reportsTo = em.getReference(KeyPerson, gone.id, { wrapped: true });
  });
  await change(async (em) => {
    const row = await em.findOneOrFail(KeyPerson, deputy.id);
    row.reportsTo = em.getReference(KeyPerson, boss.id, { wrapped: true });
    em.remove(await em.findOneOrFail(KeyPerson, gone.id));
  });
  // Owner changes up to exactly 30 changes in all: the whole history is one page of the tab's size.
  for (let i = 0; i < 17; i += 1)
    await change(async (em) => {
      const row = await em.findOneOrFail(Customer, customer.id);
      row.owner = em.getReference(Staff, (i % 2 === 0 ? zhang : li).id, { wrapped: true });
    });
});

interface Named {
  field: string;
  before: string | null;
  after: string | null;
  beforeName: string | null;
  afterName: string | null;
}
type Page = {
  customer: { history: { nodes: Array<{ entityType: string; action: string; changes: Named[] }> } };
};

const HISTORY = `query ($id: ID!, $first: Int!) { customer(id: $id) { history(first: $first) {
  nodes { entityType action actor { name } changes { field before after beforeName afterName } }
} } }`;

async function page(first: number) {
  let result: Awaited<ReturnType<typeof db.execute<Page>>> | undefined;
  const statements = await db.captureSql(async () => {
    result = await db.execute<Page>(
      HISTORY,
      { id: toGlobalId('Customer', customer.id), first },
      { viewer: manager },
    );
  });
  expect(result?.errors).toBeUndefined();
  return { statements, nodes: result?.data?.customer.history.nodes ?? [] };
}

const names = (nodes: Page['customer']['history']['nodes'], field: string) =>
  nodes.flatMap((node) =>
    node.changes.filter((c) => c.field === field).map((c) => [node.entityType, c.beforeName, c.afterName]),
  );

describe('FieldChange.beforeName / afterName', () => {
  it('names the staff, customers, key persons, projects and orders a history page refers to', async () => {
    const { nodes } = await page(30);
    expect(nodes).toHaveLength(30);
    const oldest = nodes.slice(17);
    expect(names(oldest, 'parentId')).toEqual([['Customer', null, '上海同创集团']]);
    expect(names(oldest, 'ownerId')).toEqual([
      ['Project', null, '张伟'],
      ['Customer', null, '李娜'],
    ]);
    expect(names(oldest, 'repId')).toEqual([['Order', null, '李娜']]);
    expect(names(oldest, 'projectId')).toEqual([['ProjectEvent', null, '配电改造']]);
    expect(names(oldest, 'orderId').sort()).toEqual([
      ['OrderReturn', null, 'SO-2026-001'],
      ['Payment', null, 'SO-2026-001'],
    ]);
    expect(names(oldest, 'authorId')).toEqual([['ProjectEvent', null, '王经理']]);
    // The deleted key person has no name any more; the one kept has.
    expect(names(oldest, 'reportsToId')).toEqual([
      ['KeyPerson', null, '陈总'],
      ['KeyPerson', null, null],
    ]);
    expect(names(oldest, 'customerId')).toEqual([
      ['KeyPerson', '上海同创电力', null],
      // An order return keeps its customer as a plain uuid, named all the same.
      ['OrderReturn', null, '上海同创电力'],
      ['Order', null, '上海同创电力'],
      ['Project', null, '上海同创电力'],
      ...Array(3).fill(['KeyPerson', null, '上海同创电力']),
    ]);
    // Field values stay as stored; a value that is no reference has no name.
    const orderNumber = oldest.flatMap((n) => n.changes).find((c) => c.field === 'number');
    expect(orderNumber).toEqual({
      field: 'number',
      before: null,
      after: 'SO-2026-001',
      beforeName: null,
      afterName: null,
    });
    expect(names(nodes.slice(0, 2), 'ownerId')).toEqual([
      ['Customer', '李娜', '张伟'],
      ['Customer', '张伟', '李娜'],
    ]);
  });

  it('looks the names of a whole page up once per referenced type, not per row', async () => {
    const tables = (statements: string[]) =>
      statements.map((sql) => /from "(\w+)"/.exec(sql)?.[1] ?? sql.slice(0, 40)).sort();
    const { statements } = await page(30);
    // customer; the history page with its field changes and actors in one statement (read ahead,
    // customer-dossier.prefetch.ts); then one lookup per referenced type.
    expect(tables(statements)).toEqual([
      'change',
      'customer',
      'customer',
      'key_person',
      'project',
      'sales_order',
      'staff',
    ]);
  });
});
