import { byIdLoader, childrenLoader } from '../../core/loaders.js';
import { keyPersonChildrenOfCustomer } from '../key-person/key-person.loaders.js';
import { Relationship } from './relationship.entity.js';

/** The links of many key persons to our staff, by staff name. */
export const relationshipsOfKeyPerson = childrenLoader(Relationship, 'keyPerson', {
  staff: { name: 'asc' },
  id: 'asc',
});

/**
 * All links of many customers' key persons, by key person and staff name, with the staff member mapped from the same statement: the
 * relationship map lists them and its coverage needs to know whether each staff member is still active.
 */
export const relationshipsOfCustomer = keyPersonChildrenOfCustomer(
  Relationship,
  { keyPerson: { name: 'asc' }, staff: { name: 'asc' }, id: 'asc' },
  ['staff'],
);

export const relationshipById = byIdLoader(Relationship);
