import { StaffRole } from '@dossier/domain';
import { LockMode, OptimisticLockError } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { Staff } from '../src/modules/staff/staff.entity.js';
import { testDatabase } from './harness.js';

const db = await testDatabase();

describe('the test database', () => {
  it('is a real, migrated PostgreSQL', async () => {
    const [row] = await db.orm.em.getConnection().execute<{ version: string }[]>('select version()');
    expect(row?.version).toMatch(/^PostgreSQL \d+/);
    const [count] = await db.orm.em
      .getConnection()
      .execute<{ n: string }[]>('select count(*)::int as n from staff');
    expect(count?.n).toBe(0);
  });

  it('versions every update and refuses a stale one', async () => {
    const em = db.orm.em.fork();
    const staff = new Staff('王芳', 'wang.fang@example.com', StaffRole.SALES_REP);
    await em.persist(staff).flush();
    expect(staff.version).toBe(1);
    staff.title = '销售代表';
    await em.flush();
    expect(staff.version).toBe(2);

    const other = db.orm.em.fork();
    await expect(
      other.lock(await other.findOneOrFail(Staff, staff.id), LockMode.OPTIMISTIC, 1),
    ).rejects.toBeInstanceOf(OptimisticLockError);
  });

  it('keeps e-mails unique regardless of case', async () => {
    const em = db.orm.em.fork();
    em.persist(new Staff('A', 'Same@Example.com', StaffRole.ANALYST));
    em.persist(new Staff('B', 'same@example.com', StaffRole.ANALYST));
    await expect(em.flush()).rejects.toThrow(/staff_email_unique/);
  });
});
