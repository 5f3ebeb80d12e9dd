import { ChangeVia, CustomerNature, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { parseGlobalId, toGlobalId } from '../../core/graphql/global-id.js';
import { hashOf } from '../auth/session.store.js';
import type { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { createLink, OPEN, REVIEW, submit } from './customer-sheet.fixtures.js';

const NOW = '2026-11-30T02:00:00Z';
const db = await testDatabase({ clock: fixedClock(NOW) });
const build = builders(db.orm);
let rep: Staff;
let otherRep: Staff;
let analyst: Staff;

beforeAll(async () => {
  rep = await build.staff({ name: '王销售' });
  otherRep = await build.staff({ name: '李销售' });
  analyst = await build.staff({ name: '分析员' }, StaffRole.ANALYST);
});

async function newCustomer(): Promise<{ customer: Customer; gid: string }> {
  const customer = await build.customer({
    name: '华东精密机械有限公司',
    code: `SH-${Math.random().toString(36).slice(2, 8)}`,
    nature: CustomerNature.COMPANY,
    city: '上海',
    phone: '021-5555 0101',
    owner: build.ref(Staff, rep),
  });
  await build.keyPerson(customer, { name: '赵总工' });
  return { customer, gid: toGlobalId('Customer', customer.id) };
}

async function customerRow(id: string) {
  const [row] = await db.orm.em
    .fork()
    .execute<Array<{ version: number; city: string | null; phone: string | null; name: string }>>(
      'select version, city, phone, name from customer where id = ?',
      [id],
    );
  return row;
}

/** Each anonymous request from its own address: the sheet's rate limit has its own test. */
let requests = 0;
const anon = (extra: object = {}) => ({ address: `192.0.2.${(requests++ % 250) + 1}`, ...extra });

const codeOf = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.code;

describe('a link', () => {
  it('is shown once as a full address, and the database keeps only the SHA-256 of its secret', async () => {
    const { gid } = await newCustomer();
    const link = await createLink(db, rep, gid);
    expect(link.url).toMatch(/^http:\/\/dossier\.test\/sheet\/dcs_[A-Za-z0-9_-]{43}$/);
    const em = db.orm.em.fork();
    const [row] = await em.execute<Array<{ token_hash: Buffer; expires_at: string }>>(
      'select token_hash, expires_at from customer_sheet_link where id = ?',
      [parseGlobalId(link.id)?.id],
    );
    expect(row?.token_hash.equals(hashOf(link.token))).toBe(true);
    expect(new Date(String(row?.expires_at)).toISOString()).toBe('2026-12-14T02:00:00.000Z');
    // Nowhere in the database: not in the link's row, its history, or anything else written.
    const dump = await em.execute<Array<{ t: string }>>(
      `select string_agg(x::text, ' ') as t from (
         select l::text as x from customer_sheet_link l union all select c::text from change c
         union all select f::text from field_change f) all_rows`,
    );
    expect(dump[0]?.t).not.toContain(link.token);
    expect(dump[0]?.t).not.toContain(link.token.slice(4, 20));
  });

  it('may be set shorter than 14 days, never longer', async () => {
    const { gid } = await newCustomer();
    const short = await db.execute<{ createCustomerSheetLink: { link: { expiresAt: string } } }>(
      'mutation ($c: ID!) { createCustomerSheetLink(customerId: $c, expiresInDays: 3) { link { expiresAt } } }',
      { c: gid },
      { viewer: rep },
    );
    expect(short.data?.createCustomerSheetLink.link.expiresAt).toBe('2026-12-03T02:00:00.000Z');
    const long = await db.execute(
      'mutation ($c: ID!) { createCustomerSheetLink(customerId: $c, expiresInDays: 15) { url } }',
      { c: gid },
      { viewer: rep },
    );
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresInDays' });
  });

  it('is created by those who may write the dossier only', async () => {
    const { gid } = await newCustomer();
    const mutation = 'mutation ($c: ID!) { createCustomerSheetLink(customerId: $c) { url } }';
    expect(codeOf(await db.execute(mutation, { c: gid }, { viewer: analyst }))).toBe('FORBIDDEN');
    expect(codeOf(await db.execute(mutation, { c: gid }, { viewer: otherRep }))).toBe('NOT_FOUND');
    expect(codeOf(await db.execute(mutation, { c: gid }))).toBe('UNAUTHENTICATED');
  });
});

describe('the public sheet', () => {
  it('opens without a session and shows only that customer’s sheet fields, pre-filled', async () => {
    const { customer, gid } = await newCustomer();
    // What the customer says of itself shows; how we grade it (a commercial secret) does not.
    await db.orm.em
      .fork()
      .execute(`update customer set service_area = '华东三省', reputation = 'POOR' where id = ?`, [
        customer.id,
      ]);
    const link = await createLink(db, rep, gid);
    const result = await db.execute<{
      sheetByToken: { fields: Array<{ field: string; value: string | null }> };
    }>(OPEN, { t: link.token }, anon());
    expect(result.errors).toBeUndefined();
    const values = Object.fromEntries(result.data?.sheetByToken.fields.map((f) => [f.field, f.value]) ?? []);
    expect(values).toEqual({
      name: '华东精密机械有限公司',
      nature: 'COMPANY',
      industry: null,
      city: '上海',
      address: null,
      phone: '021-5555 0101',
      website: null,
      legalRepresentative: null,
      foundedOn: null,
      'characteristics.serviceArea': '华东三省',
      'characteristics.businessScope': null,
      'characteristics.businessPhilosophy': null,
      'characteristics.businessStyle': null,
    });
    // Nothing else of the dossier: no ids, no customer number, no owner, no key persons, no grades.
    const text = JSON.stringify(result);
    for (const hidden of [customer.id, gid, customer.code, '王销售', '赵总工', link.id, 'POOR']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('answers a forged token NOT_FOUND, and other root fields stay closed to the anonymous', async () => {
    expect(codeOf(await db.execute(OPEN, { t: 'dcs_forged' }, anon()))).toBe('NOT_FOUND');
    expect(codeOf(await db.execute(OPEN, { t: 'x'.repeat(5000) }, anon()))).toBe('NOT_FOUND');
    const mixed = await db.execute(
      'query ($t: String!) { sheetByToken(token: $t) { expiresAt } customers { totalCount } }',
      {
        t: 'dcs_forged',
      },
      anon(),
    );
    expect(codeOf(mixed)).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired link, and nothing changes', async () => {
    const { customer, gid } = await newCustomer();
    const link = await createLink(db, rep, gid, 1);
    const later = anon({ clock: fixedClock('2026-12-01T02:00:00Z') });
    const opened = await db.execute(OPEN, { t: link.token }, later);
    expect(opened.errors?.[0]?.extensions?.code).toBe('LINK_EXPIRED');
    expect(opened.errors?.[0]?.message).toBe('This link has expired; ask your contact for a new one');
    const v = [{ field: 'city', value: '苏州' }];
    const submitted = await db.execute(
      'mutation ($t: String!, $v: [SheetFieldValueInput!]!) { submitCustomerSheet(token: $t, values: $v) }',
      { t: link.token, v },
      later,
    );
    expect(codeOf(submitted)).toBe('LINK_EXPIRED');
    expect(await customerRow(customer.id)).toMatchObject({ version: 1, city: '上海' });
  });

  it('is single use: once submitted it refuses to open or submit again', async () => {
    const { gid } = await newCustomer();
    const link = await createLink(db, rep, gid);
    expect((await submit(db, link.token, { city: '苏州' })).data).toEqual({ submitCustomerSheet: true });
    expect(codeOf(await db.execute(OPEN, { t: link.token }, anon()))).toBe('LINK_USED');
    expect(codeOf(await submit(db, link.token, { city: '杭州' }))).toBe('LINK_USED');
    const [row] = await db.orm.em
      .fork()
      .execute<Array<{ proposal: Record<string, string> }>>(
        'select proposal from customer_sheet_link where token_hash = ?',
        [hashOf(link.token)],
      );
    expect(row?.proposal.city).toBe('苏州');
  });

  it('refuses a revoked link', async () => {
    const { gid } = await newCustomer();
    const link = await createLink(db, rep, gid);
    const revoke =
      'mutation ($id: ID!, $v: Int!) { revokeCustomerSheetLink(id: $id, expectedVersion: $v) { state version } }';
    expect(codeOf(await db.execute(revoke, { id: link.id, v: 1 }, { viewer: otherRep }))).toBe('NOT_FOUND');
    const revoked = await db.execute(revoke, { id: link.id, v: 1 }, { viewer: rep });
    expect(revoked.data).toEqual({ revokeCustomerSheetLink: { state: 'REVOKED', version: 2 } });
    expect(codeOf(await db.execute(OPEN, { t: link.token }, anon()))).toBe('LINK_REVOKED');
    expect(codeOf(await submit(db, link.token, { city: '苏州' }))).toBe('LINK_REVOKED');
  });

  it('refuses a bad value with the field it came in, and the link stays open', async () => {
    const { gid } = await newCustomer();
    const link = await createLink(db, rep, gid);
    const bad = await submit(db, link.token, { city: '苏州', phone: 'call me' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'values[1].value' });
    const offSheet = await submit(db, link.token, { creditLimit: '1000000' });
    expect(offSheet.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'values[0].field',
    });
    const nature = await submit(db, link.token, { nature: 'EMPIRE' });
    expect(nature.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'values[0].value',
    });
    const founded = await submit(db, link.token, { city: '苏州', foundedOn: '2003-02-30' });
    expect(founded.errors?.[0]).toMatchObject({
      message: 'values[1].value must be a date written YYYY-MM-DD',
      extensions: { code: 'BAD_USER_INPUT', field: 'values[1].value' },
    });
    expect(codeOf(await db.execute(OPEN, { t: link.token }, anon()))).toBeUndefined();
  });
});

const LINKS = `query ($id: ID!) { customer(id: $id) { version sheetLinks {
  id version state proposedChanges { field current proposed } } } }`;
type Links = {
  customer: {
    version: number;
    sheetLinks: Array<{
      id: string;
      version: number;
      state: string;
      proposedChanges: Array<{ field: string; current: string | null; proposed: string | null }> | null;
    }>;
  };
};

describe('the review', () => {
  it('writes an accepted founding date onto the customer, where the anniversary reminder reads it', async () => {
    const { gid } = await newCustomer();
    const link = await createLink(db, rep, gid);
    await submit(db, link.token, { foundedOn: '2003-09-16' });
    const reviewed = await db.execute(REVIEW, { id: link.id, v: 2, a: ['foundedOn'] }, { viewer: rep });
    expect(reviewed.errors).toBeUndefined();
    const read = await db.execute<{ customer: { foundedOn: string | null } }>(
      'query ($id: ID!) { customer(id: $id) { foundedOn } }',
      { id: gid },
      { viewer: rep },
    );
    expect(read.data?.customer).toEqual({ foundedOn: '2003-09-16' });
  });

  it('shows the changed fields only, accepts some, and records them as the customer’s via the link', async () => {
    const { customer, gid } = await newCustomer();
    const link = await createLink(db, rep, gid);
    await submit(db, link.token, { name: '华东精密机械有限公司', city: '苏州', phone: '0512-6666 0202' });
    const listed = await db.execute<Links>(LINKS, { id: gid }, { viewer: rep });
    expect(listed.data?.customer.sheetLinks).toEqual([
      {
        id: link.id,
        version: 2,
        state: 'SUBMITTED',
        proposedChanges: [
          { field: 'city', current: '上海', proposed: '苏州' },
          { field: 'phone', current: '021-5555 0101', proposed: '0512-6666 0202' },
        ],
      },
    ]);
    const reviewed = await db.execute(REVIEW, { id: link.id, v: 2, a: ['city'] }, { viewer: rep });
    expect(reviewed.data).toEqual({
      reviewCustomerSheet: {
        id: link.id,
        version: 3,
        state: 'SUBMITTED',
        acceptedFields: ['city'],
        reviewedBy: { name: '王销售' },
      },
    });
    expect(await customerRow(customer.id)).toMatchObject({
      version: 2,
      city: '苏州',
      phone: '021-5555 0101',
    });
    const history = await db.execute<{
      customer: { history: { nodes: Array<Record<string, unknown>> } };
    }>(
      `query ($id: ID!) { customer(id: $id) { history(first: 10) { nodes {
         entityType action via actor { name } changes { field before after } } } } }`,
      { id: gid },
      { viewer: rep },
    );
    expect(history.data?.customer.history.nodes.slice(0, 3)).toEqual([
      {
        entityType: 'Customer',
        action: 'UPDATE',
        via: ChangeVia.CUSTOMER_LINK,
        actor: { name: '王销售' },
        changes: [{ field: 'city', before: '上海', after: '苏州' }],
      },
      {
        entityType: 'CustomerSheetLink',
        action: 'UPDATE',
        via: null,
        actor: { name: '王销售' },
        changes: [
          { field: 'acceptedFields', before: null, after: 'city' },
          { field: 'reviewedAt', before: null, after: '2026-11-30T02:00:00.000Z' },
          { field: 'reviewedById', before: null, after: toGlobalId('Staff', rep.id) },
        ],
      },
      {
        entityType: 'CustomerSheetLink',
        action: 'UPDATE',
        via: ChangeVia.CUSTOMER_LINK,
        actor: null,
        changes: [{ field: 'submittedAt', before: null, after: '2026-11-30T02:00:00.000Z' }],
      },
    ]);
    // Reviewed once: a second review is refused.
    expect(codeOf(await db.execute(REVIEW, { id: link.id, v: 3, a: ['phone'] }, { viewer: rep }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('writes an accepted characteristic into the customer’s characteristics, in its history via the link', async () => {
    const { gid } = await newCustomer();
    const link = await createLink(db, rep, gid);
    const scope = '精密机床及其零部件的研发、制造与销售';
    await submit(db, link.token, { 'characteristics.businessScope': scope, city: '苏州' });
    const reviewed = await db.execute(
      REVIEW,
      { id: link.id, v: 2, a: ['characteristics.businessScope'] },
      { viewer: rep },
    );
    expect(reviewed.errors).toBeUndefined();
    const read = await db.execute<{
      customer: {
        city: string;
        characteristics: { businessScope: string | null };
        history: { nodes: Array<Record<string, unknown>> };
      };
    }>(
      `query ($id: ID!) { customer(id: $id) { city characteristics { businessScope }
         history(first: 1) { nodes { via actor { name } changes { field before after } } } } }`,
      { id: gid },
      { viewer: rep },
    );
    expect(read.data?.customer).toEqual({
      city: '上海',
      characteristics: { businessScope: scope },
      history: {
        nodes: [
          {
            via: ChangeVia.CUSTOMER_LINK,
            actor: { name: '王销售' },
            changes: [{ field: 'characteristics.businessScope', before: null, after: scope }],
          },
        ],
      },
    });
  });

  it('rejects with an empty list and leaves the customer as it was', async () => {
    const { customer, gid } = await newCustomer();
    const link = await createLink(db, rep, gid);
    await submit(db, link.token, { city: '苏州' });
    const rejected = await db.execute(REVIEW, { id: link.id, v: 2, a: [] }, { viewer: rep });
    expect(rejected.data).toMatchObject({ reviewCustomerSheet: { acceptedFields: [] } });
    expect(await customerRow(customer.id)).toMatchObject({ version: 1, city: '上海' });
  });

  it('is a VERSION_CONFLICT for a field changed on file since the customer submitted; other fields go through', async () => {
    const { customer, gid } = await newCustomer();
    const link = await createLink(db, rep, gid);
    await submit(db, link.token, { city: '苏州', phone: '0512-6666 0202' });
    await db.execute(
      'mutation ($id: ID!) { updateCustomer(id: $id, expectedVersion: 1, input: { city: "无锡" }) { version } }',
      { id: gid },
      { viewer: rep },
    );
    const conflict = await db.execute(REVIEW, { id: link.id, v: 2, a: ['city', 'phone'] }, { viewer: rep });
    expect(conflict.errors?.[0]?.extensions).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect(await customerRow(customer.id)).toMatchObject({
      version: 2,
      city: '无锡',
      phone: '021-5555 0101',
    });
    const phoneOnly = await db.execute(REVIEW, { id: link.id, v: 2, a: ['phone'] }, { viewer: rep });
    expect(phoneOnly.errors).toBeUndefined();
    expect(await customerRow(customer.id)).toMatchObject({
      version: 3,
      city: '无锡',
      phone: '0512-6666 0202',
    });
  });

  it('is refused to whoever may not write the dossier, before anything changes', async () => {
    const { customer, gid } = await newCustomer();
    const link = await createLink(db, rep, gid);
    await submit(db, link.token, { city: '苏州' });
    expect(codeOf(await db.execute(REVIEW, { id: link.id, v: 2, a: ['city'] }, { viewer: otherRep }))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await db.execute(REVIEW, { id: link.id, v: 2, a: ['city'] }, { viewer: analyst }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await db.execute(REVIEW, { id: link.id, v: 1, a: ['city'] }, { viewer: rep }))).toBe(
      'VERSION_CONFLICT',
    );
    expect(codeOf(await db.execute(REVIEW, { id: link.id, v: 2, a: ['tier'] }, { viewer: rep }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await customerRow(customer.id)).toMatchObject({ version: 1, city: '上海' });
  });
});

describe('reading the links', () => {
  it('batches them: a page of customers with their links, senders and proposals in as many statements for 3 as for 1', async () => {
    const owner = await build.staff({ name: '赵销售' });
    const page = `{ customers(first: 50) { nodes { name sheetLinks {
      state createdBy { name } reviewedBy { name } proposedChanges { field proposed } } } } }`;
    const addCustomer = async (i: number) => {
      const customer = await build.customer({
        name: `批量客户${i}`,
        city: '上海',
        owner: build.ref(Staff, owner),
      });
      const gid = toGlobalId('Customer', customer.id);
      const link = await createLink(db, owner, gid);
      await submit(db, link.token, { city: `城市${i}` });
      await createLink(db, owner, gid);
    };
    const measure = async () => {
      let links = 0;
      const statements = await db.captureSql(async () => {
        const result = await db.execute<{ customers: { nodes: Array<{ sheetLinks: unknown[] }> } }>(
          page,
          {},
          {
            viewer: owner,
          },
        );
        expect(result.errors).toBeUndefined();
        links = result.data?.customers.nodes.reduce((n, c) => n + c.sheetLinks.length, 0) ?? 0;
      });
      return { links, statements: statements.length };
    };
    await addCustomer(1);
    const one = await measure();
    await addCustomer(2);
    await addCustomer(3);
    const three = await measure();
    expect([one.links, three.links]).toEqual([2, 6]);
    expect(three.statements).toBe(one.statements);
  });
});
