import { bestRelationshipState, type RelationshipState } from '@dossier/domain';
import type { RolesTable_KeyPersonFragment } from '../../../apollo/generated';

/**
 * Our best relationship with a key person, as the coverage rule counts it (active staff only), and
 * who of our staff holds it. No staff when nobody has established one.
 */
export function bestRelationship(relationships: RolesTable_KeyPersonFragment['relationships']): {
  state: RelationshipState;
  staff: string[];
} {
  const current = relationships.filter((r) => r.staff.active);
  const state = bestRelationshipState(current.map((r) => r.state));
  return { state, staff: current.filter((r) => r.state === state).map((r) => r.staff.name) };
}
