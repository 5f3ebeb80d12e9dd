import { countRelationshipStates, uncoveredDecisionMakers } from '@dossier/domain';
import type { Context } from '../../core/context.js';
import { rolesOfCustomer } from '../decision-role/decision-role.loaders.js';
import { keyPersonsOfCustomer } from '../key-person/key-person.loaders.js';
import { relationshipsOfCustomer } from '../relationship/relationship.loaders.js';
import { RelationshipCoverage } from './relationship-map.types.js';

/**
 * Coverage of one customer from the per-customer loaders, so a page of customers costs the same few queries
 * as one. It describes what sales can use today: links of departed key persons or departed staff are not
 * counted, and a positive link held only by a departed colleague covers nobody.
 */
export async function coverageOf(ctx: Context, customerId: string): Promise<RelationshipCoverage> {
  const [keyPersons, relationships, roles] = await Promise.all([
    ctx.loaders.get(keyPersonsOfCustomer).load(customerId),
    ctx.loaders.get(relationshipsOfCustomer).load(customerId),
    ctx.loaders.get(rolesOfCustomer).load(customerId),
  ]);
  const activePersons = new Set(keyPersons.filter((person) => person.active).map((person) => person.id));
  const links = relationships.map((link) => ({
    keyPersonId: link.keyPerson.id,
    staffActive: link.staff.getEntity().active,
    state: link.state,
  }));
  const roleRows = roles.map(({ keyPerson, role, influence }) => ({
    keyPersonId: keyPerson.id,
    role,
    influence,
  }));
  return Object.assign(new RelationshipCoverage(), {
    keyPersonCount: activePersons.size,
    ...countRelationshipStates(
      links.filter((link) => link.staffActive && activePersons.has(link.keyPersonId)),
    ),
    uncoveredDecisionMakers: uncoveredDecisionMakers(keyPersons, roleRows, links),
  });
}
