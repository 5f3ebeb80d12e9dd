import { StaffRole } from '@dossier/domain';
import type { Knex } from '@mikro-orm/postgresql';
import type { Staff } from '../../modules/staff/staff.entity.js';

/** Roles that read every dossier: need-to-know row rules apply to the sales line only. */
const READS_ALL = new Set<StaffRole>([StaffRole.ANALYST, StaffRole.ARCHIVIST, StaffRole.ADMIN]);

export const readsAllCustomers = (viewer: Staff) => READS_ALL.has(viewer.role);

/**
 * The sales staff whose book the viewer reads, as SQL: a rep their own; a manager their own and that of
 * everyone below them on the reporting line (`staff_line`, transitive), so a change of manager takes
 * effect at once.
 */
export function bookHolders(viewer: Staff): { sql: string; bindings: string[] } {
  return viewer.role === StaffRole.SALES_MANAGER
    ? {
        sql: 'select ?::uuid union all select staff_id from staff_line where manager_id = ?',
        bindings: [viewer.id, viewer.id],
      }
    : { sql: 'select ?::uuid', bindings: [viewer.id] };
}

/**
 * How the predicate reaches customer_book: `row` looks each customer up (lists and lookups that stop
 * early, where the planner may still choose to hash); `set` hashes the holders' whole book once, for
 * statements that scan most of the book (analytics). Same answer; the planner cannot tell which is
 * cheaper itself, as it misjudges the size of the reporting line (a recursive view).
 */
export type BookForm = 'row' | 'set';

/**
 * The need-to-know predicate on a `customer` row under `alias`: the customer is in the book of one of the
 * holders — owned, or a relationship of theirs to one of its key persons, or a project of theirs, as
 * stored in `customer_book` by triggers on those tables — or, for a manager, owned by nobody yet. One SQL
 * condition, so lists, counts, loaders and the write checks in policy.ts all ask the same question.
 */
export function customerInBook(
  alias: string,
  viewer: Staff,
  form: BookForm = 'row',
): { sql: string; bindings: unknown[] } {
  const holders = bookHolders(viewer);
  // Customers nobody owns yet wait in the managers' pool: they are the ones who assign owners.
  const pool = viewer.role === StaffRole.SALES_MANAGER ? '??.owner_id is null or ' : '';
  const inBook =
    form === 'row'
      ? `exists (select 1 from customer_book scope_b
        where scope_b.customer_id = ??.id and scope_b.staff_id in (${holders.sql}))`
      : `??.id in (select scope_b.customer_id from customer_book scope_b where scope_b.staff_id in (${holders.sql}))`;
  // Ownership is in customer_book too, but asked first it settles most rows of a list from a hash of a
  // few holders, before the book is looked at (a first page of 50 by name: 2–9 ms against 20–55 ms).
  return {
    sql: `(${pool}??.owner_id in (${holders.sql}) or ${inBook})`,
    bindings: [...(pool ? [alias] : []), alias, ...holders.bindings, alias, ...holders.bindings],
  };
}

/**
 * Row-level visibility of customers: every list and lookup of customers (and of what hangs off a customer)
 * passes through here, so access rules have exactly one place to live. Analysts, archivists and
 * administrators read every dossier (what they may not read of it — personal data — is field-level);
 * reps and managers read their book (customerInBook).
 */
export function visibleCustomers(
  query: Knex.QueryBuilder,
  customerAlias: string,
  viewer: Staff,
  form: BookForm = 'row',
): Knex.QueryBuilder {
  if (readsAllCustomers(viewer)) return query;
  const { sql, bindings } = customerInBook(customerAlias, viewer, form);
  return query.whereRaw(sql, bindings as Knex.RawBinding[]);
}
