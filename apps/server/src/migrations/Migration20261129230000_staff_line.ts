import { Migration } from '@mikro-orm/migrations';

/**
 * `staff_line (manager_id, staff_id)`: every manager above a staff member, however many levels up — the
 * reporting line the access rules read ("a manager sees the customers of the reps they manage, transitively").
 * A view, so a change of manager takes effect at once; the depth cap stops a loop that slipped in before
 * setStaffManager refused them from running forever.
 */
export class Migration20261129230000_staff_line extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create view staff_line (manager_id, staff_id) as
      with recursive line (manager_id, staff_id, depth) as (
        select manager_id, id, 1 from staff where manager_id is not null
        union all
        select s.manager_id, line.staff_id, line.depth + 1
        from line join staff s on s.id = line.manager_id
        where s.manager_id is not null and line.depth < 32
      )
      select distinct manager_id, staff_id from line`);
  }

  override async down(): Promise<void> {
    this.addSql('drop view staff_line');
  }
}
