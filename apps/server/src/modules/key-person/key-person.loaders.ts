import type { EntityClass, FilterQuery, QueryOrderMap, Ref } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { visibleCustomers } from '../../core/access/scope.js';
import { alignMany, alignOne, childrenLoader, type LoaderFactory } from '../../core/loaders.js';
import type { Staff } from '../staff/staff.entity.js';
import { KeyPerson } from './key-person.entity.js';

/**
 * Key person rows whose customer the viewer may see, mapped into `em`: the customer join and the access scope
 * ride on the same statement, so a lookup never costs a second query for the visibility check.
 */
export async function selectVisibleKeyPersons(
  em: EntityManager,
  viewer: Staff,
  where: (query: Knex.QueryBuilder) => void,
): Promise<KeyPerson[]> {
  const query = em
    .getKnex()
    .queryBuilder()
    .select('kp.*')
    .from('key_person as kp')
    .join('customer as c', 'c.id', 'kp.customer_id');
  where(query);
  const rows = await em.execute<Record<string, unknown>[]>(visibleCustomers(query, 'c', viewer));
  return rows.map((row) => em.map(KeyPerson, row));
}

export const keyPersonById: LoaderFactory<DataLoader<string, KeyPerson | null>> = (em, viewer) =>
  new DataLoader(async (ids) => {
    if (!viewer) return ids.map(() => null);
    const rows = await selectVisibleKeyPersons(em, viewer, (q) => q.whereIn('kp.id', [...ids]));
    return alignOne(ids, rows, (person) => person.id);
  });

/** Key persons of many customers (callers reach them through a visible customer), active or not, by name. */
export const keyPersonsOfCustomer = childrenLoader(KeyPerson, 'customer', { name: 'asc', id: 'asc' });

/**
 * Per-customer lists of records hanging off key persons (relationships, decision roles): one join query per
 * batch of customers, with the key person (and `populate` extras) mapped from the same statement.
 */
export function keyPersonChildrenOfCustomer<T extends { keyPerson: Ref<KeyPerson> }>(
  entity: EntityClass<T>,
  orderBy: QueryOrderMap<T>,
  populate: readonly string[] = [],
): LoaderFactory<DataLoader<string, T[]>> {
  return (em) =>
    new DataLoader(async (customerIds) => {
      const where = { keyPerson: { customer: { $in: [...customerIds] } } } as FilterQuery<T>;
      const rows = await em.find(entity, where, {
        // MikroORM cannot type-check populate paths of a generic entity; the callers' tests cover them.
        populate: ['keyPerson', ...populate] as never,
        orderBy,
      });
      return alignMany(customerIds, rows, (row) => row.keyPerson.getEntity().customer.id);
    });
}
