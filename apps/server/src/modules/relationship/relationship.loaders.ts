import { RELATIONSHIP_FAVOURABILITY, RelationshipState } from '@dossier/domain';
import DataLoader from 'dataloader';
import { type ChildrenRead, childrenLoaderOf } from '../../core/children-read.js';
import { alignOne, byIdLoader, type LoaderFactory } from '../../core/loaders.js';
import { type KeyPersonChildrenRead, keyPersonChildrenOfCustomer } from '../key-person/key-person.loaders.js';
import { Relationship } from './relationship.entity.js';
import { bestFavourabilitySql } from './relationship.sql.js';

/** The links of a key person to our staff, by staff name, with the staff member read in the same statement. */
export const RELATIONSHIPS_OF_KEY_PERSON: ChildrenRead<Relationship> = {
  entity: Relationship,
  parent: 'keyPerson',
  orderBy: { staff: { name: 'asc' }, id: 'asc' },
  populate: ['staff'],
};

export const relationshipsOfKeyPerson = childrenLoaderOf(RELATIONSHIPS_OF_KEY_PERSON);

/**
 * All links of many customers' key persons, by key person and staff name, with the staff member mapped from the same statement: the
 * relationship map lists them and its coverage needs to know whether each staff member is still active.
 */
export const RELATIONSHIPS_OF_CUSTOMER: KeyPersonChildrenRead<Relationship> = {
  entity: Relationship,
  orderBy: { keyPerson: { name: 'asc' }, staff: { name: 'asc' }, id: 'asc' },
  populate: ['staff'],
};

export const relationshipsOfCustomer = keyPersonChildrenOfCustomer(RELATIONSHIPS_OF_CUSTOMER);

export const relationshipById = byIdLoader(Relationship);

const STATE_OF_RANK = new Map(
  Object.entries(RELATIONSHIP_FAVOURABILITY).map(([state, rank]) => [rank, state as RelationshipState]),
);

/** The best state of our relationships with many key persons (bestFavourabilitySql), one statement per batch. */
export const bestStateOfKeyPerson: LoaderFactory<DataLoader<string, RelationshipState>> = (em) =>
  new DataLoader(async (ids) => {
    const knex = em.getKnex();
    const query = knex
      .select('kp.id', knex.raw(`${bestFavourabilitySql('kp')} as rank`))
      .from('key_person as kp')
      .whereIn('kp.id', [...ids]);
    const rows = await em.execute<Array<{ id: string; rank: number }>>(query);
    return alignOne(ids, rows, (row) => row.id).map(
      (row) => STATE_OF_RANK.get(row?.rank ?? -1) ?? RelationshipState.NONE,
    );
  });
