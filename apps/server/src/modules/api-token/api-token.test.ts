import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import type { Staff } from '../staff/staff.entity.js';

const db = await testDatabase();
const build = builders(db.orm);
let analyst: Staff;
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  analyst = await build.staff({}, StaffRole.ANALYST);
});

const CREATE =
  'mutation ($n: String!, $x: DateTimeISO!) { createApiToken(name: $n, expiresAt: $x) { apiToken { name } } }';
const count = async () =>
  (await db.orm.em.fork().execute<Array<{ n: number }>>('select count(*)::int as n from api_token'))[0]?.n;

describe('createApiToken refuses bad input and creates nothing', () => {
  it.each([
    ['an empty name', '  ', 1, 'name'],
    ['a name over 100 characters', 'x'.repeat(101), 1, 'name'],
    ['an expiry in the past', 'BI', -1, 'expiresAt'],
    ['an expiry beyond a year and a day', 'BI', 367, 'expiresAt'],
  ])('%s', async (_case, name, days, field) => {
    const before = await count();
    const result = await db.execute(
      CREATE,
      { n: name, x: new Date(Date.now() + days * DAY).toISOString() },
      { viewer: analyst },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count()).toBe(before);
  });
});

it("answers NOT_FOUND for someone else's token, as for one that does not exist", async () => {
  const other = await build.staff({}, StaffRole.ANALYST);
  const mine = await db.execute<{ createApiToken: { apiToken: { id: string } } }>(
    'mutation ($x: DateTimeISO!) { createApiToken(name: "mine", expiresAt: $x) { apiToken { id } } }',
    { x: new Date(Date.now() + 30 * DAY).toISOString() },
    { viewer: analyst },
  );
  const id = mine.data?.createApiToken.apiToken.id;
  const result = await db.execute(
    'mutation ($id: ID!) { revokeApiToken(id: $id, expectedVersion: 1) { id } }',
    { id },
    { viewer: other },
  );
  expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  const listed = await db.execute<{ apiTokens: Array<{ id: string }> }>(
    '{ apiTokens { id } }',
    {},
    { viewer: other },
  );
  expect(listed.data?.apiTokens).toEqual([]);
});
