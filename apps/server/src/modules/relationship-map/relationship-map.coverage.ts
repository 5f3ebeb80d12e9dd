import { countRelationshipStates, suggestContacts, uncoveredDecisionMakers } from '@dossier/domain';
import type { Context } from '../../core/context.js';
import { rolesOfCustomer } from '../decision-role/decision-role.loaders.js';
import { keyPersonsOfCustomer } from '../key-person/key-person.loaders.js';
import { relationshipsOfCustomer } from '../relationship/relationship.loaders.js';
import { CoverageGap, RelationshipCoverage, SuggestedContact } from './relationship-map.types.js';

/**
 * Coverage of one customer from the per-customer loaders, so a page of customers costs the same few queries
 * as one. It describes what sales can use today: links of departed key persons or departed staff are not
 * counted, and a positive link held only by a departed colleague covers nobody. The gaps' suggested contacts
 * come from the same rows (the relationships arrive with their staff member), so they cost no query either.
 */
export async function coverageOf(ctx: Context, customerId: string): Promise<RelationshipCoverage> {
  const [keyPersons, relationships, roles] = await Promise.all([
    ctx.loaders.get(keyPersonsOfCustomer).load(customerId),
    ctx.loaders.get(relationshipsOfCustomer).load(customerId),
    ctx.loaders.get(rolesOfCustomer).load(customerId),
  ]);
  const people = keyPersons.map((keyPerson) => ({
    id: keyPerson.id,
    active: keyPerson.active,
    reportsToId: keyPerson.reportsTo?.id ?? null,
    department: keyPerson.department,
    placeholder: keyPerson.isPlaceholder,
    keyPerson,
  }));
  const links = relationships.map((relationship) => {
    const staff = relationship.staff.getEntity();
    return {
      keyPersonId: relationship.keyPerson.id,
      staffId: staff.id,
      staffName: staff.name,
      staffActive: staff.active,
      state: relationship.state,
      lastContactAt: relationship.lastContactAt,
      entity: relationship,
    };
  });
  const roleRows = roles.map(({ keyPerson, role, influence }) => ({
    keyPersonId: keyPerson.id,
    role,
    influence,
  }));
  const activePersons = new Set(people.filter((person) => person.active).map((person) => person.id));
  const gaps = uncoveredDecisionMakers(people, roleRows, links).map((gap) =>
    Object.assign(new CoverageGap(), {
      keyPerson: gap.keyPerson,
      suggestedContacts: suggestContacts(gap, people, links).map(({ relationship, via, closeness }) =>
        Object.assign(new SuggestedContact(), {
          staff: relationship.entity.staff.getEntity(),
          via: via.keyPerson,
          closeness,
          relationship: relationship.entity,
        }),
      ),
    }),
  );
  return Object.assign(new RelationshipCoverage(), {
    keyPersonCount: activePersons.size,
    ...countRelationshipStates(
      links.filter((link) => link.staffActive && activePersons.has(link.keyPersonId)),
    ),
    uncoveredDecisionMakers: gaps.map((gap) => gap.keyPerson),
    gaps,
  });
}
