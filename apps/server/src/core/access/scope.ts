import type { Knex } from '@mikro-orm/postgresql';
import type { Staff } from '../../modules/staff/staff.entity.js';

/**
 * Row-level visibility of customers: every list and lookup of customers (and of what hangs off a customer)
 * passes through here, so access rules have exactly one place to live. The access-control issue adds the
 * need-to-know rules; until then every signed-in staff member sees every dossier.
 */
export function visibleCustomers(
  query: Knex.QueryBuilder,
  _customerAlias: string,
  _viewer: Staff,
): Knex.QueryBuilder {
  return query;
}
