import { SHEET_LIMITS } from '@dossier/domain';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { ormConfig } from '../../core/database/orm.js';
import { OPEN, submit } from './customer-sheet.fixtures.js';
import { countSheetRequest } from './sheet-limits.js';

const db = await testDatabase();
/** A second server instance on the same database: its own ORM, its own pool, its own limiter. */
const secondInstance = await MikroORM.init(ormConfig(db.url));
afterAll(() => secondInstance.close());

const codeOf = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.code;

it('limits the public sheet per client address, across instances, counted in PostgreSQL', async () => {
  const address = '203.0.113.7';
  // Guessing tokens: every request counts, found or not.
  for (let i = 0; i < SHEET_LIMITS.perAddress - 1; i += 1) {
    expect(codeOf(await db.execute(OPEN, { t: `dcs_guess${i}` }, { address }))).toBe('NOT_FOUND');
  }
  // The last allowed request lands on the other instance; the count is the database's.
  await countSheetRequest(secondInstance.em.fork(), address);
  const [row] = await db.orm.em
    .fork()
    .execute<Array<{ points: number }>>('select points from rate_limit where key = ?', [
      `sheet:address:${address}`,
    ]);
  expect(row?.points).toBe(SHEET_LIMITS.perAddress);

  const refused = await db.execute(OPEN, { t: 'dcs_guess-over' }, { address });
  expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
  const retry = refused.errors?.[0]?.extensions?.retryAfterSeconds as number;
  expect(retry).toBeGreaterThan(SHEET_LIMITS.windowMinutes * 60 - 120);
  expect(retry).toBeLessThanOrEqual(SHEET_LIMITS.windowMinutes * 60);
  expect(codeOf(await submit(db, 'dcs_guess-over', { city: '苏州' }, address))).toBe('TOO_MANY_ATTEMPTS');
  await expect(countSheetRequest(secondInstance.em.fork(), address)).rejects.toMatchObject({
    extensions: { code: 'TOO_MANY_ATTEMPTS' },
  });

  // Another client is not held back by this one.
  expect(codeOf(await db.execute(OPEN, { t: 'dcs_guess' }, { address: '203.0.113.8' }))).toBe('NOT_FOUND');
});
