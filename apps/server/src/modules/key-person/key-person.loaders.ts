import type { EntityClass, Ref } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { visibleCustomers } from '../../core/access/scope.js';
import { type ChildrenRead, childrenLoaderOf } from '../../core/children-read.js';
import {
  orderRead,
  populateRead,
  type ReadOrder,
  readColumns,
  readCopy,
  unprefixed,
} from '../../core/database/read-model.js';
import { alignMany, alignOne, type LoaderFactory } from '../../core/loaders.js';
import type { Staff } from '../staff/staff.entity.js';
import { KeyPerson } from './key-person.entity.js';

/**
 * Key person rows whose customer the viewer may see: the customer join and the access scope ride on the same
 * statement, so a lookup never costs a second query for the visibility check.
 */
function visibleKeyPersonRows(em: EntityManager, viewer: Staff, where: (query: Knex.QueryBuilder) => void) {
  const query = em
    .getKnex()
    .queryBuilder()
    .select('kp.*')
    .from('key_person as kp')
    .join('customer as c', 'c.id', 'kp.customer_id');
  where(query);
  return em.execute<Record<string, unknown>[]>(visibleCustomers(query, 'c', viewer));
}

/** Key persons the viewer may see, mapped into `em`: for writes. */
export async function selectVisibleKeyPersons(
  em: EntityManager,
  viewer: Staff,
  where: (query: Knex.QueryBuilder) => void,
): Promise<KeyPerson[]> {
  const rows = await visibleKeyPersonRows(em, viewer, where);
  return rows.map((row) => em.map(KeyPerson, row));
}

export const keyPersonById: LoaderFactory<DataLoader<string, KeyPerson | null>> = (em, viewer) =>
  new DataLoader(async (ids) => {
    if (!viewer) return ids.map(() => null);
    const rows = await visibleKeyPersonRows(em, viewer, (q) => q.whereIn('kp.id', [...ids]));
    const persons = rows.map((row) => readCopy(em, KeyPerson, row));
    return alignOne(ids, persons, (person) => person.id);
  });

/** Key persons of a customer (callers reach them through a visible customer), active or not, by name. */
export const KEY_PERSONS_OF_CUSTOMER: ChildrenRead<KeyPerson> = {
  entity: KeyPerson,
  parent: 'customer',
  orderBy: { name: 'asc', id: 'asc' },
};

export const keyPersonsOfCustomer = childrenLoaderOf(KEY_PERSONS_OF_CUSTOMER);

/**
 * Per-customer lists of records hanging off key persons (relationships, decision roles): one join query per
 * batch of customers, with the key person (and the `populate` many-to-ones) read from the same statement.
 */
export function keyPersonChildrenOfCustomer<T extends { keyPerson: Ref<KeyPerson> }>(
  entity: EntityClass<T>,
  orderBy: ReadOrder,
  populate: ReadonlyArray<keyof T & string> = [],
): LoaderFactory<DataLoader<string, T[]>> {
  return (em) =>
    new DataLoader(async (customerIds) => {
      const meta = em.getMetadata().get(entity.name);
      const query = em
        .getKnex()
        .select([...readColumns(em, entity, 't'), ...readColumns(em, KeyPerson, 'kp', 'kp__')])
        .from(`${meta.tableName} as t`)
        .join('key_person as kp', 'kp.id', 't.key_person_id')
        .whereIn('kp.customer_id', [...customerIds]);
      const populated = populateRead(em, query, meta, 't', populate);
      orderRead(em, query, meta, 't', orderBy, { ...populated.aliases, keyPerson: 'kp' });
      const rows = await em.execute<Array<Record<string, unknown>>>(query);
      const copies = rows.map((row) =>
        readCopy(em, entity, row, {
          ...populated.related(row),
          keyPerson: readCopy(em, KeyPerson, unprefixed(row, 'kp__') ?? {}),
        }),
      );
      return alignMany(customerIds, copies, (row) => row.keyPerson.getEntity().customer.id);
    });
}
