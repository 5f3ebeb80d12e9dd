import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { openSession, staffForToken } from '../auth/session.store.js';
import type { Customer } from '../customer/customer.entity.js';
import { Staff } from './staff.entity.js';

const db = await testDatabase();
const build = builders(db.orm);
let admin: Staff;

beforeAll(async () => {
  admin = await build.staff({ name: '管理员' }, StaffRole.ADMIN);
});

const sql = <T>(query: string, params: unknown[] = []) => db.orm.em.fork().execute<T[]>(query, params);

const CREATE = `mutation ($input: CreateStaffInput!) {
  createStaff(input: $input) { id name email role version active manager { name } }
}`;
type Created = { createStaff: { id: string; name: string; email: string; role: string; version: number } };
const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

const input = (extra: Record<string, unknown> = {}) => ({
  name: '孙丽',
  email: `sun.li.${Math.random().toString(36).slice(2, 8)}@example.com`,
  role: 'SALES_REP',
  password: 'spring rain over west lake',
  ...extra,
});

async function create(extra: Record<string, unknown> = {}) {
  const result = await db.execute<Created>(CREATE, { input: input(extra) }, { viewer: admin });
  expect(result.errors).toBeUndefined();
  return result.data?.createStaff as Created['createStaff'];
}

const staffRow = async (globalId: string) =>
  db.orm.em.fork().findOneOrFail(Staff, { id: Buffer.from(globalId, 'base64url').toString().split(':')[1] });

describe('createStaff', () => {
  it('creates a staff member who can sign in, recorded in history and the audit log without the password', async () => {
    const manager = await build.staff({ name: '赵经理' }, StaffRole.SALES_MANAGER);
    const created = await create({ managerId: manager.globalId, title: '客户经理' });
    expect(created).toMatchObject({
      name: '孙丽',
      role: 'SALES_REP',
      version: 1,
      active: true,
      manager: { name: '赵经理' },
    });

    const login = await db.execute(LOGIN, { e: created.email, p: 'spring rain over west lake' });
    expect(login.errors).toBeUndefined();

    const staff = await staffRow(created.id);
    const history = await sql<{
      action: string;
      actor_id: string;
      customer_id: string | null;
      fields: string[];
    }>(
      `select c.action, c.actor_id, c.customer_id, array_agg(f.field order by f.field) as fields
       from change c join field_change f on f.change_id = c.id where c.entity_id = ? group by 1, 2, 3`,
      [staff.id],
    );
    expect(history).toEqual([
      {
        action: 'CREATE',
        actor_id: admin.id,
        customer_id: null,
        fields: ['active', 'email', 'managerId', 'name', 'role', 'title'],
      },
    ]);
    const audit = await sql(
      'select event, actor_id, subject_id from audit_log where subject_id = ? and event = ?',
      [staff.id, 'STAFF_CREATED'],
    );
    expect(audit).toEqual([{ event: 'STAFF_CREATED', actor_id: admin.id, subject_id: staff.id }]);
  });

  it.each([
    [{ password: 'short pass' }, 'input.password', 'must be at least 12 characters'],
    [
      { email: 'lin.feng@example.com', password: 'lin.feng@example.com' },
      'input.password',
      'must not contain the e-mail address',
    ],
    [{ email: 'not-an-email' }, 'input.email', 'must be an e-mail address'],
    [{ name: '  ' }, 'input.name', 'must not be empty'],
    [{ email: 'ADMIN-TAKEN@example.com' }, 'input.email', 'is already used by another staff member'],
    [
      { managerId: toGlobalId('Staff', '00000000-0000-4000-8000-000000000000') },
      'input.managerId',
      'does not exist',
    ],
  ])('refuses %j on %s and writes nothing', async (extra, field, problem) => {
    await build.staff({ email: 'admin-taken@example.com' }).catch(() => undefined);
    const counts = await tableCounts(db.orm);
    const [audits] = await sql<{ n: number }>('select count(*)::int as n from audit_log');
    const result = await db.execute(CREATE, { input: input(extra) }, { viewer: admin });
    expect(result.errors?.[0]?.extensions).toMatchObject({ field });
    expect(result.errors?.[0]?.message).toContain(problem);
    expect(await tableCounts(db.orm)).toEqual(counts);
    expect(await sql('select count(*)::int as n from audit_log')).toEqual([audits]);
  });
});

describe('only admins administer staff', () => {
  it.each([StaffRole.SALES_REP, StaffRole.SALES_MANAGER, StaffRole.ANALYST, StaffRole.ARCHIVIST])(
    '%s is refused with FORBIDDEN on every staff mutation, and nothing changes',
    async (role) => {
      const viewer = await build.staff({}, role);
      const target = await build.staff();
      const counts = await tableCounts(db.orm);
      const id = target.globalId;
      const operations: Array<[string, Record<string, unknown>]> = [
        [CREATE, { input: input() }],
        ['mutation ($id: ID!) { setStaffRole(id: $id, expectedVersion: 1, role: ADMIN) { id } }', { id }],
        [
          'mutation ($id: ID!) { setStaffManager(id: $id, expectedVersion: 1, managerId: null) { id } }',
          { id },
        ],
        [
          'mutation ($id: ID!) { resetStaffPassword(id: $id, password: "a brand new passphrase") { id } }',
          { id },
        ],
        ['mutation ($id: ID!) { deactivateStaff(id: $id, expectedVersion: 1) { id } }', { id }],
        ['{ auditLog { totalCount } }', {}],
      ];
      for (const [query, variables] of operations) {
        const result = await db.execute(query, variables, { viewer });
        expect([query, result.errors?.map((e) => e.extensions?.code)]).toEqual([query, ['FORBIDDEN']]);
      }
      expect(await tableCounts(db.orm)).toEqual(counts);
    },
  );
});

const SET_ROLE = `mutation ($id: ID!, $v: Int!, $role: StaffRole!) {
  setStaffRole(id: $id, expectedVersion: $v, role: $role) { role version }
}`;
const SET_MANAGER = `mutation ($id: ID!, $v: Int!, $m: ID) {
  setStaffManager(id: $id, expectedVersion: $v, managerId: $m) { version manager { id } }
}`;

describe('setStaffRole', () => {
  it('changes the role, bumps the version, records the change and audits the role change', async () => {
    const rep = await build.staff();
    const result = await db.execute(
      SET_ROLE,
      { id: rep.globalId, v: 1, role: 'SALES_MANAGER' },
      { viewer: admin },
    );
    expect(result.data).toEqual({ setStaffRole: { role: 'SALES_MANAGER', version: 2 } });
    const fields = await sql(
      `select f.field, f.before, f.after from change c join field_change f on f.change_id = c.id
       where c.entity_id = ? and c.action = 'UPDATE'`,
      [rep.id],
    );
    expect(fields).toEqual([{ field: 'role', before: 'SALES_REP', after: 'SALES_MANAGER' }]);
    const audit = await sql('select actor_id, detail from audit_log where subject_id = ? and event = ?', [
      rep.id,
      'ROLE_CHANGED',
    ]);
    expect(audit).toEqual([{ actor_id: admin.id, detail: { before: 'SALES_REP', after: 'SALES_MANAGER' } }]);
  });

  it('refuses a stale version with VERSION_CONFLICT', async () => {
    const rep = await build.staff();
    await db.execute(SET_ROLE, { id: rep.globalId, v: 1, role: 'ANALYST' }, { viewer: admin });
    const stale = await db.execute(
      SET_ROLE,
      { id: rep.globalId, v: 1, role: 'ARCHIVIST' },
      { viewer: admin },
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect((await db.orm.em.fork().findOneOrFail(Staff, rep.id)).role).toBe('ANALYST');
  });

  it('refuses an admin changing their own role, so the company keeps an admin', async () => {
    const result = await db.execute(
      SET_ROLE,
      { id: admin.globalId, v: admin.version, role: 'ANALYST' },
      { viewer: admin },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('setStaffManager', () => {
  it('sets and clears the manager, recorded as managerId', async () => {
    const [rep, manager] = [await build.staff(), await build.staff({}, StaffRole.SALES_MANAGER)];
    const set = await db.execute(
      SET_MANAGER,
      { id: rep.globalId, v: 1, m: manager.globalId },
      { viewer: admin },
    );
    expect(set.data).toEqual({ setStaffManager: { version: 2, manager: { id: manager.globalId } } });
    const cleared = await db.execute(SET_MANAGER, { id: rep.globalId, v: 2, m: null }, { viewer: admin });
    expect(cleared.data).toEqual({ setStaffManager: { version: 3, manager: null } });
    const fields = await sql(
      `select f.before, f.after from change c join field_change f on f.change_id = c.id
       where c.entity_id = ? and f.field = 'managerId' and c.action = 'UPDATE' order by c.at, c.id`,
      [rep.id],
    );
    expect(fields).toEqual([
      { before: null, after: manager.globalId },
      { before: manager.globalId, after: null },
    ]);
  });

  it('refuses a loop in the reporting line, directly or through others, with BAD_USER_INPUT', async () => {
    const head = await build.staff({}, StaffRole.SALES_MANAGER);
    const middle = await build.staff({ manager: build.ref(Staff, head) }, StaffRole.SALES_MANAGER);
    const rep = await build.staff({ manager: build.ref(Staff, middle) });
    const counts = await tableCounts(db.orm);
    for (const [staff, manager] of [
      [head, rep],
      [head, middle],
      [rep, rep],
    ] as const) {
      const result = await db.execute(
        SET_MANAGER,
        { id: staff.globalId, v: staff.version, m: manager.globalId },
        { viewer: admin },
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'managerId' });
    }
    expect(await tableCounts(db.orm)).toEqual(counts);
  });
});

describe('resetStaffPassword', () => {
  it('replaces the password, signs them out everywhere, and keeps the password out of every record', async () => {
    const created = await create({ password: 'the old passphrase 1' });
    const staff = await staffRow(created.id);
    const session = await openSession(db.orm.em.fork(), staff.id);
    const secret = 'the new passphrase 2';
    const result = await db.execute(
      'mutation ($id: ID!, $p: String!) { resetStaffPassword(id: $id, password: $p) { version } }',
      { id: created.id, p: secret },
      { viewer: admin },
    );
    expect(result.errors).toBeUndefined();
    expect(await staffForToken(db.orm.em.fork(), session.token)).toBeNull();
    expect(
      (await db.execute(LOGIN, { e: created.email, p: 'the old passphrase 1' })).errors?.[0]?.extensions
        ?.code,
    ).toBe('UNAUTHENTICATED');
    expect((await db.execute(LOGIN, { e: created.email, p: secret })).errors).toBeUndefined();

    const [{ hash }] = (await sql<{ hash: string }>('select password_hash as hash from staff where id = ?', [
      staff.id,
    ])) as [{ hash: string }];
    const leaks = await sql(
      `select 'history' as place from field_change where before like ? or after like ? or before like ? or after like ?
       union all select 'audit' from audit_log where detail::text like ? or detail::text like ?`,
      [`%${secret}%`, `%${secret}%`, `%${hash}%`, `%${hash}%`, `%${secret}%`, `%${hash}%`],
    );
    expect(leaks).toEqual([]);
    expect(
      await sql('select event from audit_log where subject_id = ? and event = ?', [
        staff.id,
        'PASSWORD_RESET',
      ]),
    ).toEqual([{ event: 'PASSWORD_RESET' }]);
  });

  it('holds the new password to the policy', async () => {
    const created = await create();
    const result = await db.execute(
      'mutation ($id: ID!) { resetStaffPassword(id: $id, password: "aaaaaaaaaaaaaaaa") { id } }',
      { id: created.id },
      { viewer: admin },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  });
});

const DEACTIVATE =
  'mutation ($id: ID!, $v: Int!) { deactivateStaff(id: $id, expectedVersion: $v) { active version } }';

describe('deactivateStaff', () => {
  it('is refused while the book holds customers, projects or relationships, then allowed once transferCustomers emptied it', async () => {
    const leaving = await build.staff();
    const successor = await build.staff();
    const customers: Customer[] = [];
    for (let i = 0; i < 2; i++) customers.push(await build.customer({ owner: build.ref(Staff, leaving) }));
    await build.project(customers[0] as Customer, { owner: build.ref(Staff, leaving) });
    await build.relationship(await build.keyPerson(customers[1] as Customer), leaving);
    const refused = await db.execute(DEACTIVATE, { id: leaving.globalId, v: 1 }, { viewer: admin });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
      book: { customers: 2, projects: 1, relationships: 1 },
    });
    expect(refused.errors?.[0]?.message).toContain('transferCustomers');

    const transfer = await db.execute(
      'mutation ($f: ID!, $t: ID!) { transferCustomers(fromStaffId: $f, toStaffId: $t) { customers } }',
      { f: leaving.globalId, t: successor.globalId },
      { viewer: admin },
    );
    expect(transfer.data).toEqual({ transferCustomers: { customers: 2 } });
    const done = await db.execute(DEACTIVATE, { id: leaving.globalId, v: 1 }, { viewer: admin });
    expect(done.data).toEqual({ deactivateStaff: { active: false, version: 2 } });
    const history = await sql(
      `select f.field, f.before, f.after from change c join field_change f on f.change_id = c.id
       where c.entity_id = ? and c.action = 'UPDATE'`,
      [leaving.id],
    );
    expect(history).toEqual([{ field: 'active', before: 'true', after: 'false' }]);
    // History kept: the staff row stays, and the customers' handover still names them.
    const handover = await sql<{ n: number }>(
      `select count(*)::int as n from field_change where field = 'ownerId' and before = ?`,
      [leaving.globalId],
    );
    expect(handover).toEqual([{ n: 3 }]); // two customers and the project
  });

  it('refuses an admin deactivating themselves', async () => {
    const result = await db.execute(DEACTIVATE, { id: admin.globalId, v: admin.version }, { viewer: admin });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
