import { DecisionRole, InfluenceLevel, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { runAs } from '../../core/audit/actor.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Customer } from '../customer/customer.entity.js';
import { type Cell, csv } from '../import/import.fixtures.js';
import { importFile } from '../import/import.service.js';
import { Staff } from '../staff/staff.entity.js';
import { Order } from '../trade/order.entity.js';
import { type FieldValue, historyPage } from './history.fixtures.js';

// The same record written by an ORM flush and by a set-based statement must read the same in the history:
// same field names, same values, same formats. Only what must differ (a unique code or number) differs.

const db = await testDatabase();
const build = builders(db.orm);
let manager: Staff;
let owner: Staff;
let customer: Customer;

beforeAll(async () => {
  manager = await build.staff({}, StaffRole.SALES_MANAGER);
  owner = await build.staff({
    name: '李雷',
    email: 'li.lei@example.com',
    manager: build.ref(Staff, manager),
  });
  // The manager above the owner may write the key persons' personal data (profiles) of this dossier.
  customer = await build.customer({ code: 'HOME', owner: build.ref(Staff, owner) });
});

/** A CSV through the import service in one transaction, as `pnpm dossier import` runs it, by `manager`. */
async function importCsv(rows: Cell[][]) {
  const request = { format: 'csv', content: csv(rows), kind: null, dryRun: false, viewer: null } as const;
  const report = await db.orm.em
    .fork()
    .transactional((em) => importFile(em, { ...request, actorId: manager.id }));
  expect(report.errors).toEqual([]);
}

/** The field values of the newest change to `entityId` in the customer's history. */
async function changesOf(customerId: string, entityId: string): Promise<FieldValue[]> {
  const history = await historyPage(db, manager, customerId, { first: 50 });
  const change = history.nodes.find((node) => node.entityId === entityId);
  if (!change) throw new Error(`no change of ${entityId}`);
  return change.changes;
}

const idByCode = async (table: string, column: string, value: string) => {
  const [row] = await db.orm.em
    .fork()
    .execute<Array<{ id: string }>>(`select id from ${table} where ${column} = ?`, [value]);
  return row?.id ?? '';
};

const without = (changes: FieldValue[], field: string) => changes.filter((change) => change.field !== field);

describe('the ORM and the set-based paths record the same history', () => {
  it('a customer: created through the API and imported', async () => {
    const fields = {
      name: '华东机电',
      nature: 'COMPANY',
      tier: 'IMPORTANT',
      lifecycle: 'ACTIVE',
      industry: '机械',
      region: '华东',
      city: '上海',
      address: '浦东新区世纪大道 1 号',
      legalRepresentative: '张三',
      creditLimit: '500000',
      foundedOn: '2008-05-20',
    };
    const created = await db.execute<{ createCustomer: { id: string } }>(
      'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { ...fields, code: 'ORM-1', ownerId: toGlobalId('Staff', owner.id) } },
      { viewer: manager },
    );
    expect(created.errors).toBeUndefined();
    const ormId = await idByCode('customer', 'code', 'ORM-1');
    const header = ['Customer Code', ...Object.keys(fields), 'Owner'];
    await importCsv([header, ['IMP-1', ...Object.values(fields), 'li.lei@example.com']]);
    const importedId = await idByCode('customer', 'code', 'IMP-1');

    const imported = await changesOf(importedId, toGlobalId('Customer', importedId));
    expect(imported).toEqual([
      { field: 'address', before: null, after: '浦东新区世纪大道 1 号' },
      { field: 'city', before: null, after: '上海' },
      { field: 'code', before: null, after: 'IMP-1' },
      { field: 'creditLimit', before: null, after: '500000.00' },
      { field: 'foundedOn', before: null, after: '2008-05-20' },
      { field: 'industry', before: null, after: '机械' },
      { field: 'legalRepresentative', before: null, after: '张三' },
      { field: 'lifecycle', before: null, after: 'ACTIVE' },
      { field: 'name', before: null, after: '华东机电' },
      { field: 'nature', before: null, after: 'COMPANY' },
      { field: 'ownerId', before: null, after: toGlobalId('Staff', owner.id) },
      { field: 'region', before: null, after: '华东' },
      { field: 'tier', before: null, after: 'IMPORTANT' },
    ]);
    const viaOrm = await changesOf(ormId, toGlobalId('Customer', ormId));
    expect(without(viaOrm, 'code')).toEqual(without(imported, 'code'));
  });

  it('a key person with a profile: added through the API and imported', async () => {
    const profile = {
      interests: '围棋',
      education: '硕士',
      birthYear: 1975,
      birthday: '09-14',
      notes: '周三下午有空',
    };
    const person = { name: '周总', title: '总经理', department: '总经办', email: 'zhou@example.com' };
    const added = await db.execute<{ addKeyPerson: { id: string } }>(
      'mutation ($input: AddKeyPersonInput!) { addKeyPerson(input: $input) { id } }',
      { input: { ...person, profile, customerId: toGlobalId('Customer', customer.id) } },
      { viewer: manager },
    );
    expect(added.errors).toBeUndefined();
    const header = ['Customer Code', 'Name', 'Title', 'Department', 'Email', 'Interests', 'Education'];
    await importCsv([
      [...header, 'Birth Year', 'Birthday', 'Notes'],
      [
        'HOME',
        ...Object.values(person),
        profile.interests,
        profile.education,
        '1975',
        '9月14日',
        profile.notes,
      ],
    ]);
    const [ormId, importedId] = await db.orm.em
      .fork()
      .execute<Array<{ id: string }>>(
        'select id from key_person where customer_id = ? order by created_at, id',
        [customer.id],
      );

    const imported = await changesOf(customer.id, toGlobalId('KeyPerson', importedId?.id ?? ''));
    expect(imported).toEqual([
      { field: 'active', before: null, after: 'true' },
      { field: 'customerId', before: null, after: toGlobalId('Customer', customer.id) },
      { field: 'department', before: null, after: '总经办' },
      { field: 'email', before: null, after: 'zhou@example.com' },
      { field: 'name', before: null, after: '周总' },
      { field: 'profile.birthYear', before: null, after: '1975' },
      { field: 'profile.birthday', before: null, after: '09-14' },
      { field: 'profile.education', before: null, after: '硕士' },
      { field: 'profile.interests', before: null, after: '围棋' },
      { field: 'profile.notes', before: null, after: '周三下午有空' },
      { field: 'title', before: null, after: '总经理' },
    ]);
    expect(await changesOf(customer.id, toGlobalId('KeyPerson', ormId?.id ?? ''))).toEqual(imported);
  });

  it('an order: flushed through the ORM and imported', async () => {
    const em = db.orm.em.fork();
    const order = new Order('ORM-O1', build.ref(Customer, customer), '2026-03-01');
    Object.assign(order, {
      dueDate: '2026-03-31',
      region: '华南',
      rep: build.ref(Staff, owner),
    });
    await runAs(manager.id, () => em.persist(order).flush());
    // paidAmount is derived from payments, which are records (and changes) of their own.
    const header = ['Order No', 'Customer Code', 'Order Date', 'Due Date', 'Region', 'Rep'];
    await importCsv([header, ['IMP-O1', 'HOME', '2026-03-01', '2026-03-31', '华南', 'li.lei@example.com']]);
    const importedId = await idByCode('sales_order', 'number', 'IMP-O1');

    const imported = await changesOf(customer.id, toGlobalId('Order', importedId));
    expect(imported).toEqual([
      { field: 'customerId', before: null, after: toGlobalId('Customer', customer.id) },
      { field: 'dueDate', before: null, after: '2026-03-31' },
      { field: 'number', before: null, after: 'IMP-O1' },
      { field: 'orderedAt', before: null, after: '2026-03-01' },
      { field: 'region', before: null, after: '华南' },
      { field: 'repId', before: null, after: toGlobalId('Staff', owner.id) },
      { field: 'total', before: null, after: '0.00' },
    ]);
    const viaOrm = await changesOf(customer.id, toGlobalId('Order', order.id));
    expect(without(viaOrm, 'number')).toEqual(without(imported, 'number'));
  });

  it("a customer's owner: changed through the API and by a handover", async () => {
    const moved = await build.customer({ owner: build.ref(Staff, owner) });
    const edited = await build.customer({ owner: build.ref(Staff, owner) });
    const receiver = await build.staff({ manager: build.ref(Staff, manager) });
    const update = await db.execute(
      'mutation ($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, expectedVersion: 1, input: $input) { id } }',
      { id: toGlobalId('Customer', edited.id), input: { ownerId: toGlobalId('Staff', receiver.id) } },
      { viewer: manager },
    );
    expect(update.errors).toBeUndefined();
    const transfer = await db.execute(
      'mutation ($from: ID!, $to: ID!) { transferCustomers(fromStaffId: $from, toStaffId: $to) { customers } }',
      { from: toGlobalId('Staff', owner.id), to: toGlobalId('Staff', receiver.id) },
      { viewer: manager },
    );
    expect(transfer.errors).toBeUndefined();

    const handedOver = await changesOf(moved.id, toGlobalId('Customer', moved.id));
    expect(handedOver).toEqual([
      { field: 'ownerId', before: toGlobalId('Staff', owner.id), after: toGlobalId('Staff', receiver.id) },
    ]);
    expect(await changesOf(edited.id, toGlobalId('Customer', edited.id))).toEqual(handedOver);
  });

  it('a decision role: removed through the API keeps its values before, as a set-based delete does', async () => {
    const person = await build.keyPerson(customer, { name: '赵主任' });
    const role = await build.role(person, DecisionRole.COACH, InfluenceLevel.MEDIUM);
    const removed = await db.execute(
      'mutation ($id: ID!) { removeDecisionRole(id: $id) }',
      { id: toGlobalId('DecisionRoleAssignment', role.id) },
      { viewer: manager },
    );
    expect(removed.errors).toBeUndefined();
    expect(await changesOf(customer.id, toGlobalId('DecisionRoleAssignment', role.id))).toEqual([
      { field: 'influence', before: 'MEDIUM', after: null },
      { field: 'keyPersonId', before: toGlobalId('KeyPerson', person.id), after: null },
      { field: 'role', before: 'COACH', after: null },
    ]);
  });
});
