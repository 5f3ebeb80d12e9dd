import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { hashPassword } from './passwords.js';

const db = await testDatabase();
const build = builders(db.orm);

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { staff { email } } }';

beforeAll(async () => {
  const passwordHash = await hashPassword('correct horse');
  await build.staff({ email: 'active@example.com', passwordHash });
  await build.staff({ email: 'left@example.com', passwordHash, active: false });
  await build.staff({ email: 'rep@demo.dossier', passwordHash }, StaffRole.SALES_REP);
});

describe('login', () => {
  it('signs in an active staff member', async () => {
    expect(await db.execute(LOGIN, { e: 'active@example.com', p: 'correct horse' })).toEqual({
      data: { login: { staff: { email: 'active@example.com' } } },
    });
  });

  it.each([
    ['', 'correct horse', 'email'],
    [`${'a'.repeat(250)}@x.cn`, 'correct horse', 'email'],
    ['active@example.com', '', 'password'],
    ['active@example.com', 'x'.repeat(1001), 'password'],
  ])('refuses email %j / a password of %#, naming the field, and opens no session', async (e, p, field) => {
    const sessions = () =>
      db.orm.em.fork().execute<Array<{ n: number }>>('select count(*)::int as n from auth_session');
    const [before] = await sessions();
    const result = await db.execute(LOGIN, { e, p });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await sessions()).toEqual([before]);
  });

  it.each([
    ['a wrong password', 'active@example.com', 'wrong horse', {}],
    ['a staff member who has left', 'left@example.com', 'correct horse', {}],
    [
      'a demo login on a production server',
      'rep@demo.dossier',
      'correct horse',
      { NODE_ENV: 'production' as const },
    ],
  ])('refuses %s with UNAUTHENTICATED', async (_, e, p, env) => {
    const result = await db.execute(LOGIN, { e, p }, { env });
    expect(result.errors?.[0]).toMatchObject({
      message: 'Wrong e-mail or password',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('accepts the demo login outside production', async () => {
    const result = await db.execute(LOGIN, { e: 'rep@demo.dossier', p: 'correct horse' });
    expect(result.errors).toBeUndefined();
  });
});

describe('markCustomerReviewed', () => {
  const REVIEW = 'mutation ($id: ID!) { markCustomerReviewed(id: $id) { reviewedAt version } }';

  it('stamps the review time, bumps the version and records it in the history', async () => {
    const viewer = await build.staff({}, StaffRole.ADMIN);
    const customer = await build.customer();
    const before = Date.now();
    const result = await db.execute<{ markCustomerReviewed: { reviewedAt: string; version: number } }>(
      REVIEW,
      { id: customer.globalId },
      { viewer },
    );
    const reviewed = result.data?.markCustomerReviewed;
    expect(reviewed?.version).toBe(2);
    expect(Date.parse(reviewed?.reviewedAt ?? '')).toBeGreaterThanOrEqual(before - 5);
    const [change] = await db.orm.em
      .fork()
      .execute<Array<{ field: string; after: string; actor_id: string }>>(
        `select f.field, f.after, c.actor_id from change c join field_change f on f.change_id = c.id
         where c.entity_id = ? and c.action = 'UPDATE'`,
        [customer.id],
      );
    expect(change).toEqual({ field: 'reviewedAt', after: reviewed?.reviewedAt, actor_id: viewer.id });
  });

  it.each([
    ['NOT_FOUND', 'Q3VzdG9tZXI6MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw'],
    ['BAD_USER_INPUT', 'garbage'],
  ])('answers %s for id %s and changes nothing', async (code, id) => {
    const viewer = await build.staff();
    const counts = await tableCounts(db.orm);
    const result = await db.execute(REVIEW, { id }, { viewer });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, field: 'id' });
    expect(await tableCounts(db.orm)).toEqual(counts);
  });
});
