// DOMAIN.md's coverage rule in SQL, the one place the server writes it: the risk refresh
// (NEGATIVE_/UNCOVERED_DECISION_MAKER), the customer list's hasUncoveredDecisionMaker filter, the coverage
// score and its summary all read these, as packages/domain/src/coverage.ts states the rule for one dossier.

import { RELATIONSHIP_FAVOURABILITY, RelationshipState } from '@dossier/domain';
import { favourabilitySql } from '../relationship/relationship.sql.js';

// Best relationship state with active staff: POSITIVE > NEUTRAL > NEGATIVE > NONE, as coverage.ts ranks them.
const FAVOURABILITY = favourabilitySql('r.state');

/** `best` of a decision maker whose best relationship is POSITIVE: covered. */
export const COVERED_BEST = RELATIONSHIP_FAVOURABILITY[RelationshipState.POSITIVE];
/** `best` of a decision maker whose best relationship is NEGATIVE. */
export const NEGATIVE_BEST = RELATIONSHIP_FAVOURABILITY[RelationshipState.NEGATIVE];

/**
 * `(customer_id, name, best)`: each active decision maker (a DECISION_MAKER or ECONOMIC_BUYER role, or HIGH
 * influence, in any project or in general) with the rank of its best relationship to active staff.
 * `where` narrows the key persons (alias kp), e.g. `and kp.customer_id = any(?)`.
 */
export function decisionMakersSql(where = ''): string {
  // a placeholder (no name yet) is named by its title, and is a gap whatever links the role has (coverage.ts)
  return `select kp.customer_id, coalesce(kp.name, kp.title) as name,
         case when kp.name is null then 0 else coalesce(max(${FAVOURABILITY}) filter (where s.active), 0) end as best
  from key_person kp
  left join relationship r on r.key_person_id = kp.id
  left join staff s on s.id = r.staff_id
  where kp.active ${where}
    and exists (select 1 from decision_role_assignment d where d.key_person_id = kp.id
                and (d.role in ('DECISION_MAKER', 'ECONOMIC_BUYER') or d.influence = 'HIGH'))
  group by kp.id`;
}

/** Ids of the customers with a coverage gap: an active decision maker with no POSITIVE link to active staff. */
export const uncoveredCustomersSql = (): string =>
  `select customer_id from (${decisionMakersSql()}) dm where dm.best < ${COVERED_BEST}`;

/**
 * The account coverage score of customer `c` (an alias the caller joins), 0–3:
 * 0 no active key person on file; 1 key persons but no decision maker among them; 2 a decision maker, but at
 * least one decision maker is a coverage gap; 3 every decision maker has a POSITIVE relationship with active
 * staff. `dm` is the caller's join of `(customer_id, uncovered)` from `decisionMakerCountsSql`.
 */
export const COVERAGE_SCORE = `case
  when not exists (select 1 from key_person kp where kp.customer_id = c.id and kp.active) then 0
  when dm.customer_id is null then 1
  when dm.uncovered > 0 then 2
  else 3 end`;

/** `(customer_id, uncovered)`: customers with decision makers, and how many of those are gaps. */
export const decisionMakerCountsSql = (where = ''): string =>
  `select customer_id, count(*) filter (where best < ${COVERED_BEST}) as uncovered
   from (${decisionMakersSql(where)}) d group by customer_id`;
