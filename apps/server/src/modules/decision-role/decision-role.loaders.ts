import { type ChildrenRead, childrenLoaderOf } from '../../core/children-read.js';
import { byIdLoader, childrenLoader } from '../../core/loaders.js';
import { type KeyPersonChildrenRead, keyPersonChildrenOfCustomer } from '../key-person/key-person.loaders.js';
import { DecisionRoleAssignment } from './decision-role.entity.js';

const ASSIGNED = { createdAt: 'asc', id: 'asc' } as const;
const BY_PERSON = { keyPerson: { name: 'asc' }, ...ASSIGNED } as const;

/** The decision roles of a key person, in any project or in general, in the order they were assigned. */
export const ROLES_OF_KEY_PERSON: ChildrenRead<DecisionRoleAssignment> = {
  entity: DecisionRoleAssignment,
  parent: 'keyPerson',
  orderBy: ASSIGNED,
};

export const rolesOfKeyPerson = childrenLoaderOf(ROLES_OF_KEY_PERSON);

/** The decision roles people hold in many projects (购买决策中关键人物角色作用表 per project), by key person name. */
export const rolesOfProject = childrenLoader(DecisionRoleAssignment, 'project', BY_PERSON);

/** Every decision role of many customers' key persons, by key person name, for the relationship map and its coverage. */
export const ROLES_OF_CUSTOMER: KeyPersonChildrenRead<DecisionRoleAssignment> = {
  entity: DecisionRoleAssignment,
  orderBy: BY_PERSON,
};

export const rolesOfCustomer = keyPersonChildrenOfCustomer(ROLES_OF_CUSTOMER);

export const decisionRoleById = byIdLoader(DecisionRoleAssignment);
