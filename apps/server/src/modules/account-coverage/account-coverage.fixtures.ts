/**
 * The coverage score of every customer, `(id, code, owner_id, region, class, score)`, written for the tests
 * apart from coverage.sql.ts: each condition as its own EXISTS, in the words of the score's description, so
 * a mistake in the shared rule does not repeat here.
 */
export const EXPECTED_SCORES_SQL = `
select c.id, c.code, c.owner_id, c.region, g.class,
  case
    when not exists (select 1 from key_person k where k.customer_id = c.id and k.active) then 0
    when not exists (
      select 1 from key_person k join decision_role_assignment d on d.key_person_id = k.id
      where k.customer_id = c.id and k.active
        and (d.role = 'DECISION_MAKER' or d.role = 'ECONOMIC_BUYER' or d.influence = 'HIGH')) then 1
    when exists (
      select 1 from key_person k join decision_role_assignment d on d.key_person_id = k.id
      where k.customer_id = c.id and k.active
        and (d.role = 'DECISION_MAKER' or d.role = 'ECONOMIC_BUYER' or d.influence = 'HIGH')
        and (k.name is null or not exists (
          select 1 from relationship r join staff s on s.id = r.staff_id
          where r.key_person_id = k.id and s.active and r.state = 'POSITIVE'))) then 2
    else 3
  end as score
from customer c join abc_grade g on g.customer_id = c.id`;
