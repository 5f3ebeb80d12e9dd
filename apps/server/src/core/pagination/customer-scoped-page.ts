import { SortDirection } from '@dossier/domain';
import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Staff } from '../../modules/staff/staff.entity.js';
import { visibleCustomers } from '../access/scope.js';
import { type KeysetSort, keysetPage } from './keyset.js';
import type { Page } from './page-args.js';

/** A list of records that belong to a customer: its table with its alias, `from('project as p')`. */
export interface CustomerRecords<T> {
  entity: EntityClass<T>;
  table: string;
  alias: string;
}

/**
 * One keyset page of records that belong to customers (key persons, projects, orders), across every
 * customer the viewer may see: joined to `customer as c`, so filters can read the customer's columns,
 * and scoped by the one access rule before the page is cut.
 */
export function customerScopedPage<T extends { id: string }>(
  em: EntityManager,
  viewer: Staff,
  { entity, table, alias }: CustomerRecords<T>,
  where: (query: Knex.QueryBuilder) => void,
  sort: KeysetSort,
  direction: SortDirection,
  page: Page,
) {
  const base = () => {
    const query = em
      .getKnex()
      .queryBuilder()
      .from(`${table} as ${alias}`)
      .join('customer as c', 'c.id', `${alias}.customer_id`);
    where(query);
    return visibleCustomers(query, 'c', viewer);
  };
  return keysetPage(em, entity, base, alias, sort, direction === SortDirection.ASC ? 'asc' : 'desc', page);
}
