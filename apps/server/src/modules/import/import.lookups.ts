import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { visibleCustomers } from '../../core/access/scope.js';
import type { Staff } from '../staff/staff.entity.js';
import type { RowReader } from './import.cells.js';
import { arrayLiteral } from './import.sql.js';

/**
 * Set-based lookups of what a file refers to: one statement per kind of reference, whatever the number of
 * rows. `viewer` is null for the command line, which acts for the company and sees every customer.
 */
type Viewer = Staff | null;

const anyOf = (values: Iterable<string>) => arrayLiteral([...new Set(values)]);

const scoped = (query: Knex.QueryBuilder, viewer: Viewer) =>
  viewer ? visibleCustomers(query, 'c', viewer) : query;

/** Codes already taken by any customer, visible or not: codes are unique company-wide. */
export async function takenCustomerCodes(em: EntityManager, codes: Iterable<string>): Promise<Set<string>> {
  const rows = await em.execute<Array<{ code: string }>>(
    'select code from customer where code = any(?::text[])',
    [anyOf(codes)],
  );
  return new Set(rows.map((row) => row.code));
}

export interface CustomerRef {
  id: string;
}

export async function customersByCode(
  em: EntityManager,
  viewer: Viewer,
  codes: Iterable<string>,
): Promise<Map<string, CustomerRef>> {
  const query = em
    .getKnex()
    .queryBuilder()
    .select('c.id', 'c.code')
    .from('customer as c')
    .whereRaw('c.code = any(?::text[])', [anyOf(codes)]);
  const rows = await em.execute<Array<{ id: string; code: string }>>(scoped(query, viewer));
  return new Map(rows.map((row) => [row.code, { id: row.id }]));
}

export async function takenOrderNumbers(em: EntityManager, numbers: Iterable<string>): Promise<Set<string>> {
  const rows = await em.execute<Array<{ number: string }>>(
    'select number from sales_order where number = any(?::text[])',
    [anyOf(numbers)],
  );
  return new Set(rows.map((row) => row.number));
}

/** Existing orders by number, only those of customers the viewer may see. */
/** An order a file refers to, with what settles it: payments are checked against it. */
export interface OrderRef {
  id: string;
  orderedAt: string;
  total: string;
  paid: string;
  returned: string;
}

/**
 * Orders by number that the importer may see, locked until the import's transaction ends: the lines or
 * payments checked against them cannot be overtaken by a concurrent write.
 */
export async function ordersByNumber(
  em: EntityManager,
  viewer: Viewer,
  numbers: Iterable<string>,
): Promise<Map<string, OrderRef>> {
  const query = em
    .getKnex()
    .queryBuilder()
    .select(
      'o.id',
      'o.number',
      em.getKnex().raw(`o.ordered_at::text as "orderedAt", o.total::text as total,
        o.paid_amount::text as paid, o.returned_amount::text as returned`),
    )
    .from('sales_order as o')
    .join('customer as c', 'c.id', 'o.customer_id')
    .whereRaw('o.number = any(?::text[])', [anyOf(numbers)])
    .forUpdate('o');
  const rows = await em.execute<Array<OrderRef & { number: string }>>(scoped(query, viewer));
  return new Map(rows.map(({ number, ...order }) => [number, order]));
}

export async function productsBySku(em: EntityManager, skus: Iterable<string>): Promise<Map<string, string>> {
  const rows = await em.execute<Array<{ id: string; sku: string }>>(
    'select id, sku from product where sku = any(?::text[])',
    [anyOf(skus)],
  );
  return new Map(rows.map((row) => [row.sku, row.id]));
}

export type StaffMatch = { id: string; active: boolean } | 'AMBIGUOUS';

/**
 * Staff named in a file by e-mail (case-insensitive) or by full name; a name two staff members share is
 * AMBIGUOUS, and the file must use the e-mail.
 */
export async function staffByKey(
  em: EntityManager,
  keys: Iterable<string>,
): Promise<Map<string, StaffMatch>> {
  const unique = [...new Set(keys)];
  const rows = await em.execute<Array<{ id: string; email: string; name: string; active: boolean }>>(
    'select id, lower(email) as email, name, active from staff where lower(email) = any(?::text[]) or name = any(?::text[])',
    [anyOf(unique.map((key) => key.toLowerCase())), anyOf(unique)],
  );
  const matches = new Map<string, StaffMatch>();
  for (const key of unique) {
    const found = rows.filter((row) =>
      key.includes('@') ? row.email === key.toLowerCase() : row.name === key,
    );
    if (found.length > 1) matches.set(key, 'AMBIGUOUS');
    else if (found[0]) matches.set(key, { id: found[0].id, active: found[0].active });
  }
  return matches;
}

/**
 * The staff member a cell names, or null with the row's problem: unknown, ambiguous, or (when `active` is
 * asked, as for a customer's owner) gone. An order's rep may have left since: history stays true.
 */
export function staffIdOf(
  reader: RowReader,
  field: string,
  match: StaffMatch | undefined,
  active: boolean,
): string | null {
  if (match === undefined) return reader.fail(field, 'names no staff member (give an e-mail or full name)');
  if (match === 'AMBIGUOUS') return reader.fail(field, 'names more than one staff member; use the e-mail');
  if (active && !match.active) return reader.fail(field, 'has left the company (inactive)');
  return match.id;
}
