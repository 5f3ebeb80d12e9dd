import { StaffRole } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { Staff } from '../../modules/staff/staff.entity.js';

const db = await testDatabase();
const build = builders(db.orm);

const managersOf = async (staff: Staff) =>
  (
    await db.orm.em
      .fork()
      .execute<Array<{ manager_id: string }>>('select manager_id from staff_line where staff_id = ?', [
        staff.id,
      ])
  )
    .map((row) => row.manager_id)
    .sort();

describe('staff_line, the reporting line the access rules read', () => {
  it('lists every manager above a staff member, however many levels up, and follows a change at once', async () => {
    const head = await build.staff({}, StaffRole.SALES_MANAGER);
    const east = await build.staff({ manager: build.ref(Staff, head) }, StaffRole.SALES_MANAGER);
    const rep = await build.staff({ manager: build.ref(Staff, east) });
    const other = await build.staff({}, StaffRole.SALES_MANAGER);

    expect(await managersOf(rep)).toEqual([east.id, head.id].sort());
    expect(await managersOf(east)).toEqual([head.id]);
    expect(await managersOf(head)).toEqual([]);

    await db.orm.em.fork().execute('update staff set manager_id = ? where id = ?', [other.id, east.id]);
    expect(await managersOf(rep)).toEqual([east.id, other.id].sort());
  });

  it('ends on a loop that slipped into the data instead of running forever', async () => {
    const a = await build.staff({}, StaffRole.SALES_MANAGER);
    const b = await build.staff({ manager: build.ref(Staff, a) }, StaffRole.SALES_MANAGER);
    await db.orm.em.fork().execute('update staff set manager_id = ? where id = ?', [b.id, a.id]);
    expect(await managersOf(a)).toEqual([a.id, b.id].sort());
  });
});
