import { RelationshipState, StaffRole } from '@dossier/domain';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '../src/core/database/transaction.js';
import { UNIQUE_FIELDS } from '../src/core/database/unique-violations.js';
import { toGlobalId } from '../src/core/graphql/global-id.js';
import type { Customer } from '../src/modules/customer/customer.entity.js';
import { csv } from '../src/modules/import/import.fixtures.js';
import { KeyPerson } from '../src/modules/key-person/key-person.entity.js';
import { Relationship } from '../src/modules/relationship/relationship.entity.js';
import { Staff } from '../src/modules/staff/staff.entity.js';
import { builders, tableCounts } from './builders.js';
import { testDatabase } from './harness.js';

const db = await testDatabase();
const build = builders(db.orm);
let manager: Staff;
let customer: Customer;

beforeAll(async () => {
  manager = await build.staff({}, StaffRole.ADMIN);
  customer = await build.customer({ code: 'TAKEN-1' });
});

const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  db.orm.em.fork().execute<T[]>(sql, params);

/** Every table a refused write could have touched, trade included. */
async function counts(): Promise<Record<string, number>> {
  const [trade] = await query<Record<string, number>>(
    `select (select count(*)::int from sales_order) as sales_order,
            (select count(*)::int from order_line) as order_line,
            (select count(*)::int from product) as product`,
  );
  return { ...(await tableCounts(db.orm)), ...trade };
}

/**
 * Runs `request` while another transaction holds an uncommitted row with the same unique value, and commits
 * that row once the request waits for it: the request's own checks passed, its insert then fails on the
 * index. This is how the constraints no mutation can reach alone are reached: through a race.
 */
async function racing<T>(sql: string, params: unknown[], request: () => Promise<T>): Promise<T> {
  let pending: Promise<T> | undefined;
  await db.orm.em.fork().transactional(async (tx) => {
    await tx.execute(sql, params);
    pending = request();
    for (let tries = 0; tries < 200; tries++) {
      const [row] = await query<{ waiting: number }>(
        `select count(*)::int as waiting from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (row?.waiting) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
  return pending as Promise<T>;
}

const IMPORT =
  'mutation ($input: ImportRecordsInput!) { importRecords(input: $input) { errors { message } } }';
const importOrders = (rows: string[][]) =>
  db.execute(
    IMPORT,
    { input: { fileName: 'orders.csv', contentBase64: csv(rows).toString('base64') } },
    { viewer: manager },
  );
const ORDER = ['Order No', 'Customer Code', 'Order Date'];
const ORDER_WITH_LINE = [...ORDER, 'SKU', 'Product Name', 'Qty', 'Unit Price'];
const orderSql = `insert into sales_order (id, number, customer_id, ordered_at)
  values (gen_random_uuid(), ?, ?, '2025-01-01')`;
const productSql = "insert into product (id, sku, name) values (gen_random_uuid(), ?, '旁人的商品')";

describe('unique violations through GraphQL', () => {
  it.each([
    {
      constraint: 'customer_code_unique',
      field: 'input.code',
      added: {},
      arrange: async () => () =>
        db.execute(
          'mutation { createCustomer(input: { name: "重复", nature: COMPANY, code: "TAKEN-1" }) { id } }',
          {},
          { viewer: manager },
        ),
    },
    {
      constraint: 'decision_role_unique',
      field: 'input.role',
      added: {},
      arrange: async () => {
        const person = await build.keyPerson(customer);
        await build.role(person);
        return () =>
          db.execute(
            `mutation ($kp: ID!) {
            assignDecisionRole(input: { keyPersonId: $kp, role: DECISION_MAKER, influence: LOW }) { id }
          }`,
            { kp: toGlobalId('KeyPerson', person.id) },
            { viewer: manager },
          );
      },
    },
    {
      constraint: 'sales_order_number_unique',
      field: 'input.contentBase64',
      added: { sales_order: 1 },
      arrange: async () => () =>
        racing(orderSql, ['RACE-1', customer.id], () =>
          importOrders([ORDER, ['RACE-1', 'TAKEN-1', '2025-03-01']]),
        ),
    },
    {
      constraint: 'product_sku_unique',
      field: 'input.contentBase64',
      added: { product: 1 },
      arrange: async () => () =>
        racing(productSql, ['RACE-SKU'], () =>
          importOrders([
            ORDER_WITH_LINE,
            ['RACE-2', 'TAKEN-1', '2025-03-01', 'RACE-SKU', '茶杯', '1', '9.90'],
          ]),
        ),
    },
  ])(
    '$constraint is BAD_USER_INPUT on $field, writing nothing',
    async ({ constraint, field, added, arrange }) => {
      expect(UNIQUE_FIELDS[constraint]?.field).toBe(field);
      const run = await arrange();
      const before = await counts();
      const result = await run();
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: `${field} ${UNIQUE_FIELDS[constraint]?.problem}`,
          extensions: { code: 'BAD_USER_INPUT', field },
        }),
      ]);
      expect(result.data).toBeNull();
      const after = await counts();
      // Only what the racing transaction committed is new.
      const expected = { ...before };
      for (const [table, n] of Object.entries(added)) expected[table] = (expected[table] ?? 0) + n;
      expect(after).toEqual(expected);
    },
  );
});

type Work = (em: EntityManager) => Promise<unknown>;

/** writeTransaction as a mutation calls it, with a log the test reads; asserts it wrote nothing. */
async function refusal(work: Work) {
  const logged: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => logged.push(JSON.parse(line)) });
  const ctx = db.context({ viewer: manager }, log);
  const before = await counts();
  const error = await writeTransaction(ctx, work).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(await counts()).toEqual(before);
  return { error, logged: logged.map(({ constraint, table, msg }) => ({ constraint, table, msg })) };
}

describe('unique violations of writes no mutation makes today', () => {
  it.each([
    {
      constraint: 'staff_email_unique',
      // E-mails are unique whatever their case.
      arrange: async (): Promise<Work> => (em) =>
        em.persist(new Staff('同邮箱', manager.email.toUpperCase(), StaffRole.SALES_REP)).flush(),
    },
    {
      constraint: 'relationship_pair_unique',
      arrange: async (): Promise<Work> => {
        const person = await build.keyPerson(customer);
        await build.relationship(person, manager);
        return async (em) => {
          // The history of a relationship is filed under its key person's customer: loaded first.
          const keyPerson = await em.findOneOrFail(KeyPerson, person.id);
          const staff = em.getReference(Staff, manager.id, { wrapped: true });
          await em.persist(new Relationship(ref(keyPerson), staff, RelationshipState.POSITIVE)).flush();
        };
      },
    },
  ])('$constraint is BAD_USER_INPUT on its field', async ({ constraint, arrange }) => {
    const { error, logged } = await refusal(await arrange());
    const known = UNIQUE_FIELDS[constraint];
    expect(error).toMatchObject({
      message: `${known?.field} ${known?.problem}`,
      extensions: { code: 'BAD_USER_INPUT', field: known?.field },
    });
    expect(logged).toEqual([]);
  });

  it('a constraint with no field is a generic BAD_USER_INPUT, logged with its name', async () => {
    // Creating the customer gave it its ABC grade row; only the analytics refresh writes more.
    const { error, logged } = await refusal((em) =>
      em.execute("insert into abc_grade (customer_id, class) values (?, 'A')", [customer.id]),
    );
    expect(error).toMatchObject({
      message: 'This clashes with a record that already exists; reload and check your input',
    });
    expect((error as { extensions: object }).extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(logged).toEqual([
      {
        constraint: 'abc_grade_pkey',
        table: 'abc_grade',
        msg: 'unique violation with no input field to name',
      },
    ]);
  });
});

describe('the map of unique constraints', () => {
  it('names every unique index of the schema but the primary keys on id, and nothing else', async () => {
    const rows = await query<{ name: string }>(
      `select i.relname as name
       from pg_index x
       join pg_class i on i.oid = x.indexrelid
       join pg_class t on t.oid = x.indrelid
       where x.indisunique and t.relnamespace = current_schema()::regnamespace
         and not (x.indisprimary and x.indnkeyatts = 1 and exists (
           select 1 from pg_attribute a where a.attrelid = t.oid and a.attnum = x.indkey[0] and a.attname = 'id'))
`,
    );
    expect(rows.map((row) => row.name).sort()).toEqual(Object.keys(UNIQUE_FIELDS).sort());
  });

  it('a unique index added without an entry is still BAD_USER_INPUT, never a conflict', async () => {
    await build.project(customer, { name: '唯一名称' });
    await query('create unique index test_project_name_unique on project (customer_id, name)');
    try {
      const before = await counts();
      const result = await db.execute(
        'mutation ($c: ID!) { createProject(input: { customerId: $c, name: "唯一名称" }) { id } }',
        { c: toGlobalId('Customer', customer.id) },
        { viewer: manager },
      );
      expect(result.errors?.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT' }]);
      expect(await counts()).toEqual(before);
    } finally {
      await query('drop index test_project_name_unique');
    }
  });
});
