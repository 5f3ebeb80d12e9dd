import { AuditEvent, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import type { Customer } from '../../modules/customer/customer.entity.js';
import type { KeyPerson } from '../../modules/key-person/key-person.entity.js';
import { KeyPersonProfile } from '../../modules/key-person/key-person-profile.embeddable.js';
import { Staff } from '../../modules/staff/staff.entity.js';
import { toGlobalId } from '../graphql/global-id.js';

// Personal data (phones, e-mail, profile) of a customer's key persons: only the owner rep, the managers above
// them (transitively) and admins read it, in every path that reaches it, history included; reads are audited.

const db = await testDatabase();
const build = builders(db.orm);
const viewers = {} as Record<string, Staff>;
let customer: Customer;
let person: KeyPerson;
const gid = (type: string, row: { id: string }) => toGlobalId(type, row.id);

const MOBILE = '13800138000';
const EMAIL = 'wang.wei@example.com';

beforeAll(async () => {
  const top = await build.staff({ name: '销售总监' }, StaffRole.SALES_MANAGER);
  const middle = await build.staff({ manager: build.ref(Staff, top) }, StaffRole.SALES_MANAGER);
  const owner = await build.staff({ manager: build.ref(Staff, middle) });
  const elsewhere = await build.staff({}, StaffRole.SALES_MANAGER);
  const elsewhereRep = await build.staff({ manager: build.ref(Staff, elsewhere) });
  Object.assign(viewers, {
    owner,
    'manager above (two levels)': top,
    'other rep': await build.staff(),
    'manager elsewhere': elsewhere,
    analyst: await build.staff({}, StaffRole.ANALYST),
    archivist: await build.staff({}, StaffRole.ARCHIVIST),
    admin: await build.staff({}, StaffRole.ADMIN),
  });
  customer = await build.customer({ owner: build.ref(Staff, owner) });
  const profile = Object.assign(new KeyPersonProfile(), { interests: '钓鱼', family: '一子' });
  person = await build.keyPerson(customer, {
    mobile: MOBILE,
    email: EMAIL,
    officePhone: '010-12345678',
    profile,
  });
  // The other rep and the rep of the manager elsewhere read the dossier (need-to-know: a relationship, a
  // project of theirs), yet they are not the owner's line, so its personal data stays closed to them.
  await build.relationship(person, viewers['other rep'] as Staff);
  await build.project(customer, { owner: build.ref(Staff, elsewhereRep) });
  // The owner changes the profile and the mobile through the API, so the history holds their old values.
  const changed = await db.execute(
    `mutation ($id: ID!) { updateKeyPerson(id: $id, expectedVersion: 1,
       input: { mobile: "13900139000", profile: { interests: "围棋" } }) { version } }`,
    { id: gid('KeyPerson', person) },
    { viewer: owner },
  );
  expect(changed.errors).toBeUndefined();
});

const ALLOWED = ['owner', 'manager above (two levels)', 'admin'];
const DENIED = ['other rep', 'manager elsewhere', 'analyst', 'archivist'];

const PERSONAL = 'mobile officePhone email personalDataVisible profile { interests family }';
const shown = {
  mobile: '13900139000',
  officePhone: '010-12345678',
  email: EMAIL,
  personalDataVisible: true,
  profile: { interests: '围棋', family: '一子' },
};
const hidden = { mobile: null, officePhone: null, email: null, personalDataVisible: false, profile: null };

async function profileReads(viewer: Staff): Promise<Array<{ detail: { keyPersonId: string } }>> {
  return db.orm.em
    .fork()
    .execute('select detail from audit_log where event = ? and actor_id = ? order by id', [
      AuditEvent.PROFILE_READ,
      viewer.id,
    ]);
}

describe.each([
  ...ALLOWED.map((role) => [role, true] as const),
  ...DENIED.map((role) => [role, false] as const),
])('%s', (role, allowed) => {
  const expected = allowed ? shown : hidden;

  it(`reads personal data ${allowed ? 'in' : 'as null in'} customer.keyPersons, keyPersons and node(id)`, async () => {
    const viewer = viewers[role] as Staff;
    const result = await db.execute<{
      customer: { keyPersons: unknown[] };
      keyPersons: { nodes: unknown[] };
      node: unknown;
    }>(
      `query ($customer: ID!, $person: ID!) {
           customer(id: $customer) { keyPersons { ${PERSONAL} } }
           keyPersons(filter: { customerId: $customer }) { nodes { ${PERSONAL} } }
           node(id: $person) { ... on KeyPerson { ${PERSONAL} } }
         }`,
      { customer: gid('Customer', customer), person: gid('KeyPerson', person) },
      { viewer },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.customer.keyPersons).toEqual([expected]);
    expect(result.data?.keyPersons.nodes).toEqual([expected]);
    expect(result.data?.node).toEqual(expected);
    // One audit row for the one person, however many paths showed it; none for a viewer shown nothing.
    expect((await profileReads(viewer)).map((row) => row.detail.keyPersonId)).toEqual(
      allowed ? [person.id] : [],
    );
  });

  it(`sees the changed fields' names ${allowed ? 'with' : 'without'} their values in every history`, async () => {
    const viewer = viewers[role] as Staff;
    const fields = '{ field before after redacted }';
    const result = await db.execute<{
      customer: { history: { nodes: Array<{ entityType: string; changes: unknown[] }> } };
      changes: { nodes: Array<{ entityType: string; changes: unknown[] }> };
    }>(
      `query ($customer: ID!) {
           customer(id: $customer) { history { nodes { entityType changes ${fields} } } }
           changes(filter: { customerId: $customer, entityTypes: ["KeyPerson"] }) {
             nodes { entityType changes ${fields} }
           }
         }`,
      { customer: gid('Customer', customer) },
      { viewer },
    );
    expect(result.errors).toBeUndefined();
    const update = [
      { field: 'mobile', before: MOBILE, after: '13900139000', redacted: false },
      { field: 'profile.interests', before: '钓鱼', after: '围棋', redacted: false },
    ].map((change) => (allowed ? change : { ...change, before: null, after: null, redacted: true }));
    for (const history of [result.data?.customer.history.nodes, result.data?.changes.nodes]) {
      const updates = history?.filter((entry) => entry.entityType === 'KeyPerson') ?? [];
      expect(updates.map((entry) => entry.changes)).toContainEqual(update);
    }
  });
});

describe.each(DENIED)('%s changing personal data', (role) => {
  it.each([
    ['mobile', '{ mobile: "13700137000" }'],
    ['e-mail', '{ email: "x@example.com" }'],
    ['profile', '{ profile: { family: "改写" } }'],
  ])('is refused the %s (FORBIDDEN), nothing written', async (_name, input) => {
    const before = await db.orm.em.fork().execute('select * from key_person where id = ?', [person.id]);
    const result = await db.execute(
      `mutation ($id: ID!) { updateKeyPerson(id: $id, expectedVersion: 2, input: ${input}) { version } }`,
      { id: gid('KeyPerson', person) },
      { viewer: viewers[role] as Staff },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await db.orm.em.fork().execute('select * from key_person where id = ?', [person.id])).toEqual(
      before,
    );
  });
});

describe('statements', () => {
  it('stay the same for 5 or 50 key persons across 10 customers, reads audited in one insert', async () => {
    const manager = await build.staff({}, StaffRole.SALES_MANAGER);
    const rep = await build.staff({ manager: build.ref(Staff, manager) });
    for (let c = 0; c < 10; c++) {
      // Half the customers are the rep's (the manager may read their personal data), half another rep's
      // where the manager's rep holds a relationship: in the manager's book, their personal data closed.
      const owner = c % 2 === 0 ? rep : (viewers['other rep'] as Staff);
      const owned = await build.customer({ owner: build.ref(Staff, owner), region: '测试区' });
      for (let p = 0; p < 5; p++) {
        const person = await build.keyPerson(owned, { mobile: `1380000${c}${p}00` });
        if (p === 0 && owner !== rep) await build.relationship(person, rep);
      }
    }
    const count = async (first: number) => {
      const statements = await db.captureSql(async () => {
        const result = await db.execute<{ keyPersons: { nodes: Array<{ mobile: string | null }> } }>(
          `query ($first: Int!) { keyPersons(first: $first, filter: { region: ["测试区"] }) {
             nodes { mobile email profile { interests } customer { name } } } }`,
          { first },
          { viewer: manager },
        );
        expect(result.errors).toBeUndefined();
        expect(result.data?.keyPersons.nodes).toHaveLength(first);
      });
      return statements;
    };
    const audits = (statements: string[]) =>
      statements.filter((sql) => sql.startsWith('insert into audit_log'));
    const few = await count(5);
    const readBefore = (await profileReads(manager)).length;
    const many = await count(50);
    // Names are random, so the first 5 may all be people the manager may not read: then there is nothing to
    // audit and no insert. The audit is counted on its own, at most one insert per request.
    expect(many.length - audits(many).length).toBe(few.length - audits(few).length);
    expect(audits(few).length).toBeLessThanOrEqual(1);
    const lineLookups = (statements: string[]) => statements.filter((sql) => sql.includes('staff_line'));
    expect(lineLookups(many)).toHaveLength(lineLookups(few).length);
    expect(audits(many)).toHaveLength(1);
    // The 25 people of the manager's rep's customers, each once.
    expect((await profileReads(manager)).length - readBefore).toBe(25);
  });
});
