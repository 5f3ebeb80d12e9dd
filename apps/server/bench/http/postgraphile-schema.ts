import pg from 'pg';

// What PostGraphile needs in the bench database to answer scenario 1 as our server does: the manager's book
// as a function it exposes (`managerCustomers`), the rule of core/access/scope.ts for a manager written out
// in SQL, the manager passed as an argument (PostGraphile has no session of ours). And smart comments that
// name the self-referencing foreign keys' fields: its inflector names both ends of staff.manager_id
// `staffByManagerId` and refuses to start.

const SETUP = `
create schema if not exists postgraphile_bench;
create or replace function postgraphile_bench.manager_customers(manager uuid) returns setof public.customer
language sql stable as $$
  select c.* from public.customer c
  where c.owner_id is null
     or c.owner_id in (select $1 union all select staff_id from public.staff_line where manager_id = $1)
     or exists (select 1 from public.customer_book b where b.customer_id = c.id
                  and b.staff_id in (select $1 union all select staff_id from public.staff_line where manager_id = $1))
$$;
comment on function postgraphile_bench.manager_customers(uuid) is '@sortable';
comment on constraint staff_manager_id_fkey on public.staff is E'@fieldName manager\n@foreignFieldName reports';
comment on constraint customer_parent_id_fkey on public.customer is E'@fieldName parent\n@foreignFieldName branches';
comment on constraint key_person_reports_to_id_fkey on public.key_person
  is E'@fieldName reportsTo\n@foreignFieldName directReports';
`;

export async function preparePostgraphile(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(SETUP);
  } finally {
    await client.end();
  }
}
