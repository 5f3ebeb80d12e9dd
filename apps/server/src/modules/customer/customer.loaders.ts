import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { visibleCustomers } from '../../core/access/scope.js';
import { readCopy } from '../../core/database/read-model.js';
import { alignMany, alignOne, type LoaderFactory } from '../../core/loaders.js';
import type { Staff } from '../staff/staff.entity.js';
import { Customer } from './customer.entity.js';

async function visibleCustomerRows(
  em: EntityManager,
  viewer: Staff,
  where: (query: Knex.QueryBuilder) => void,
) {
  const query = em.getKnex().queryBuilder().select('c.*').from('customer as c');
  where(query);
  return em.execute<Record<string, unknown>[]>(visibleCustomers(query, 'c', viewer));
}

/** Customer entities the viewer may see, mapped into the request's identity map: for writes. */
export async function selectVisibleCustomers(
  em: EntityManager,
  viewer: Staff,
  where: (query: Knex.QueryBuilder) => void,
) {
  const rows = await visibleCustomerRows(em, viewer, where);
  return rows.map((row) => em.map(Customer, row));
}

/** Read copies (read-model.ts) of the customers the viewer may see: for reads. */
async function readVisibleCustomers(
  em: EntityManager,
  viewer: Staff,
  where: (query: Knex.QueryBuilder) => void,
) {
  const rows = await visibleCustomerRows(em, viewer, where);
  return rows.map((row) => readCopy(em, Customer, row));
}

/** Whether the viewer may see the customer a record hangs off (its orders, projects…), read in `em`. */
export async function customerVisibleTo(em: EntityManager, viewer: Staff | null, customerId: string) {
  if (!viewer) return false;
  const rows = await visibleCustomerRows(em, viewer, (q) => q.where('c.id', customerId));
  return rows.length > 0;
}

export const customerById: LoaderFactory<DataLoader<string, Customer | null>> = (em, viewer) =>
  new DataLoader(async (ids) => {
    if (!viewer) return ids.map(() => null);
    const rows = await readVisibleCustomers(em, viewer, (q) => q.whereIn('c.id', [...ids]));
    return alignOne(ids, rows, (row) => row.id);
  });

/** Branches (分支机构) of many head offices at once, by name. */
export const branchesOf: LoaderFactory<DataLoader<string, Customer[]>> = (em, viewer) =>
  new DataLoader(async (parentIds) => {
    if (!viewer) return parentIds.map(() => []);
    const rows = await readVisibleCustomers(em, viewer, (q) =>
      q.whereIn('c.parent_id', [...parentIds]).orderBy(['c.name', 'c.id']),
    );
    return alignMany(parentIds, rows, (row) => row.parent?.id ?? '');
  });
