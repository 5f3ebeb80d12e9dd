// The table and triggers that keep customer_book in step with what puts a customer in a staff member's
// book. Migrations create them from here: once a migration ran, a change to this text takes effect only
// through a new migration.

type Event = 'insert' | 'update' | 'delete';

const REFERENCING: Record<Event, string> = {
  insert: 'new table as added',
  update: 'old table as removed new table as added',
  delete: 'old table as removed',
};

/**
 * Per table and event, the customers whose book a statement may have changed, as a query over its
 * transition tables (`added`, `removed`). Deleting a customer needs nothing: its rows go by the foreign
 * key's cascade. A relationship deleted together with its key person finds no key person any more: the
 * key person's own trigger refreshes that customer.
 */
const TOUCHED: Record<string, Partial<Record<Event, string>>> = {
  customer: {
    insert: 'select id from added where owner_id is not null',
    update: `select n.id from added n join removed o on o.id = n.id
      where n.owner_id is distinct from o.owner_id`,
  },
  key_person: {
    update: `select x.customer_id from added n join removed o on o.id = n.id,
        lateral (values (n.customer_id), (o.customer_id)) x (customer_id)
      where n.customer_id <> o.customer_id`,
    delete: 'select customer_id from removed',
  },
  relationship: {
    insert: 'select kp.customer_id from added r join key_person kp on kp.id = r.key_person_id',
    update: `select kp.customer_id from added n join removed o on o.id = n.id
        join key_person kp on kp.id in (n.key_person_id, o.key_person_id)
      where n.key_person_id <> o.key_person_id or n.staff_id <> o.staff_id`,
    delete: 'select kp.customer_id from removed r join key_person kp on kp.id = r.key_person_id',
  },
  project: {
    insert: 'select customer_id from added where owner_id is not null',
    update: `select x.customer_id from added n join removed o on o.id = n.id,
        lateral (values (n.customer_id), (o.customer_id)) x (customer_id)
      where n.customer_id <> o.customer_id or n.owner_id is distinct from o.owner_id`,
    delete: 'select customer_id from removed where owner_id is not null',
  },
};

const triggers = () =>
  Object.entries(TOUCHED).flatMap(([table, events]) =>
    Object.entries(events).map(([event, touched]) => ({ table, event: event as Event, touched })),
  );

/** The table, its source view, the refresh function, the triggers and the backfill, in order. */
export function customerBookSql(): string[] {
  return [
    `create table customer_book (
      staff_id uuid not null references staff (id) on delete cascade,
      customer_id uuid not null references customer (id) on delete cascade,
      primary key (staff_id, customer_id)
    )`,
    // The refresh of one customer's book, and a per-row need-to-know check, start from the customer.
    'create index customer_book_customer_index on customer_book (customer_id, staff_id)',
    // What puts a customer in a staff member's book, computed from the source tables: the rule the table
    // stores. Only existing customers: a project left for a moment by a customer being deleted adds nothing.
    `create view customer_book_source (staff_id, customer_id) as
      select owner_id, id from customer where owner_id is not null
      union all
      select r.staff_id, kp.customer_id from relationship r
        join key_person kp on kp.id = r.key_person_id join customer c on c.id = kp.customer_id
      union all
      select p.owner_id, p.customer_id from project p join customer c on c.id = p.customer_id
      where p.owner_id is not null`,
    // Writers of the same customers queue on the customer rows (in id order, so they do not deadlock on
    // them); the statement after the lock then sees what the one before it committed. The lock does not
    // block foreign-key checks (key share). The customers' book is computed first, by index from the
    // customers: an anti-join against the view would compute every customer's book.
    `create function customer_book_refresh(ids uuid[]) returns void language plpgsql as $$
    begin
      perform 1 from customer where id = any(ids) order by id for no key update;
      with fresh as materialized (
        select distinct staff_id, customer_id from customer_book_source where customer_id = any(ids)),
      gone as (
        delete from customer_book b where b.customer_id = any(ids)
          and not exists (select 1 from fresh f where f.staff_id = b.staff_id and f.customer_id = b.customer_id))
      insert into customer_book (staff_id, customer_id) select staff_id, customer_id from fresh
      on conflict do nothing;
    end $$`,
    ...triggers().flatMap(({ table, event, touched }) => [
      `create function ${table}_book_${event}() returns trigger language plpgsql as $$
      begin
        perform customer_book_refresh(array(select distinct customer_id from (${touched}) t (customer_id)));
        return null;
      end $$`,
      `create trigger ${table}_book_${event} after ${event} on ${table}
        referencing ${REFERENCING[event]}
        for each statement execute function ${table}_book_${event}()`,
    ]),
    'insert into customer_book (staff_id, customer_id) select distinct staff_id, customer_id from customer_book_source',
  ];
}

export function dropCustomerBookSql(): string[] {
  return [
    ...triggers().flatMap(({ table, event }) => [
      `drop trigger ${table}_book_${event} on ${table}`,
      `drop function ${table}_book_${event}()`,
    ]),
    'drop function customer_book_refresh(uuid[])',
    'drop view customer_book_source',
    'drop table customer_book',
  ];
}
