import type { EntityClass, Ref } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { visibleCustomers } from '../../core/access/scope.js';
import { type ChildrenRead, childrenLoaderOf } from '../../core/children-read.js';
import {
  orderRead,
  populatedCopies,
  populateRead,
  preparedRead,
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
 * A per-customer list of records hanging off key persons (relationships, decision roles), described once so
 * that its loader and the dossier's look-ahead (customer-dossier.prefetch.ts) read the same columns, joins
 * and order: the records joined to their key person (which the loader reads in the same statement, as
 * `kp__` columns) and the `populate` many-to-ones.
 */
export interface KeyPersonChildrenRead<T extends { keyPerson: Ref<KeyPerson> }> {
  entity: EntityClass<T>;
  orderBy: ReadOrder;
  populate?: ReadonlyArray<keyof T & string>;
}

/**
 * `read`'s rows for the customers `where` chooses by the key persons' customer column; `keyPersonColumns`
 * false leaves the key persons' columns out (the join that orders by them stays).
 */
function keyPersonChildrenSelect<T extends { keyPerson: Ref<KeyPerson> }>(
  em: EntityManager,
  read: KeyPersonChildrenRead<T>,
  where: (query: Knex.QueryBuilder, customerColumn: string) => void,
  keyPersonColumns = true,
) {
  const meta = em.getMetadata().get(read.entity.name);
  const query = em
    .getKnex()
    .select([
      ...readColumns(em, read.entity, 't'),
      ...(keyPersonColumns ? readColumns(em, KeyPerson, 'kp', 'kp__') : []),
    ])
    .from(`${meta.tableName} as t`)
    .join('key_person as kp', 'kp.id', 't.key_person_id');
  where(query, 'kp.customer_id');
  const populated = populateRead(em, query, meta, 't', read.populate ?? []);
  orderRead(em, query, meta, 't', read.orderBy, { ...populated.aliases, keyPerson: 'kp' });
  return query;
}

type Row = Record<string, unknown>;

/** The read copies the loader answers, from `read`'s rows, each with the key person `keyPersonOf` gives. */
function keyPersonChildCopies<T extends { keyPerson: Ref<KeyPerson> }>(
  em: EntityManager,
  read: KeyPersonChildrenRead<T>,
  keyPersonOf: (row: Row) => KeyPerson | undefined,
) {
  const related = populatedCopies(em, em.getMetadata().get(read.entity.name), 't', read.populate ?? []);
  return (rows: readonly Row[]) =>
    rows.map((row) => readCopy(em, read.entity, row, { ...related(row), keyPerson: keyPersonOf(row) }));
}

/** The key person the loader's statement read with a record, as `kp__` columns. */
const joinedKeyPerson = (em: EntityManager) => (row: Row) =>
  readCopy(em, KeyPerson, unprefixed(row, 'kp__') ?? {});

/** The customer a record of a KeyPersonChildrenRead hangs off: its loader's key. */
export const customerOfKeyPersonChild = (row: { keyPerson: Ref<KeyPerson> }) =>
  row.keyPerson.getEntity().customer.id;

/**
 * `read`'s rows for the customers `customers` (ids, or `$1`: an array of ids, for a prepared statement), as
 * its loader reads them but for the key persons' columns: a caller reads the key persons once each
 * (KEY_PERSONS_OF_CUSTOMER, the same columns) rather than once per record, and hands them to
 * `keyPersonChildrenCopies`.
 */
export function keyPersonChildrenQuery<T extends { keyPerson: Ref<KeyPerson> }>(
  em: EntityManager,
  read: KeyPersonChildrenRead<T>,
  customers: readonly string[] | '$1',
) {
  return keyPersonChildrenSelect(
    em,
    read,
    (query, column) =>
      customers === '$1' ? query.whereRaw('?? = any($1)', [column]) : query.whereIn(column, [...customers]),
    false,
  );
}

/** The copies `read`'s loader answers, made of keyPersonChildrenQuery's rows and their key persons. */
export function keyPersonChildrenCopies<T extends { keyPerson: Ref<KeyPerson> }>(
  em: EntityManager,
  read: KeyPersonChildrenRead<T>,
  keyPersons: ReadonlyMap<string, KeyPerson>,
) {
  return keyPersonChildCopies(em, read, (row) => keyPersons.get(row.key_person_id as string));
}

/** The request's loader of `read`: one prepared statement per batch of customers. */
export function keyPersonChildrenOfCustomer<T extends { keyPerson: Ref<KeyPerson> }>(
  read: KeyPersonChildrenRead<T>,
): LoaderFactory<DataLoader<string, T[]>> {
  const prepared = preparedRead((em) =>
    keyPersonChildrenSelect(em, read, (query, column) => query.whereRaw('?? = any($1)', [column])),
  );
  return (em) =>
    new DataLoader(async (customerIds) => {
      const rows = await prepared(em, [customerIds]);
      const copies = keyPersonChildCopies(em, read, joinedKeyPerson(em))(rows);
      return alignMany(customerIds, copies, customerOfKeyPersonChild);
    });
}
