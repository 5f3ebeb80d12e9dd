import { describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { Customer } from '../../modules/customer/customer.entity.js';
import { toGlobalId } from '../graphql/global-id.js';
import { writeTransaction } from './transaction.js';

const db = await testDatabase();
const build = builders(db.orm);

/**
 * Renames a customer read without a row lock, after `meanwhile` ran on another connection: the flush then
 * finds the row changed or gone, which no version check before it could see.
 */
async function renameAfter(customer: Customer, meanwhile: string) {
  const error = await writeTransaction(db.context(), async (em) => {
    const read = await em.findOneOrFail(Customer, customer.id);
    await db.orm.em.fork().execute(meanwhile, [customer.id]);
    read.name = '本请求的新名';
  }).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  const [row] = await db.orm.em.fork().execute('select name from customer where id = ?', [customer.id]);
  return { error, name: row?.name ?? null };
}

describe('writeTransaction, when a row changed under the request', () => {
  it('answers VERSION_CONFLICT with the version now stored, keeping the other write', async () => {
    const customer = await build.customer();
    const result = await renameAfter(
      customer,
      "update customer set name = '别人的新名', version = version + 1 where id = ?",
    );
    expect(result.error).toMatchObject({ extensions: { code: 'VERSION_CONFLICT', currentVersion: 2 } });
    expect(result.name).toBe('别人的新名');
  });

  it('answers NOT_FOUND when the row was deleted, rather than a version that does not exist', async () => {
    const customer = await build.customer();
    const result = await renameAfter(customer, 'delete from customer where id = ?');
    expect(result.error).toMatchObject({
      extensions: { code: 'NOT_FOUND', id: toGlobalId('Customer', customer.id) },
    });
    expect(result.name).toBeNull();
  });
});
