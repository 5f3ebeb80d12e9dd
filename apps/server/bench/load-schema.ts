import type pg from 'pg';

// Bulk loading is faster into bare tables: indexes are built once at the end from sorted data, and foreign
// keys checked once by a join instead of a lookup per row. The statements that recreate what was dropped
// are kept in a table first, so a load that dies half-way is repaired by the next run.

/** Tables the bench fills in bulk: all their keys, constraints and indexes go during the load. */
const LOADED = [
  'customer',
  'sales_order',
  'order_line',
  'payment',
  'credit_report',
  'key_person',
  'relationship',
  'decision_role_assignment',
  'project',
  'project_event',
  'change',
  'field_change',
];
/** Filled by the customer trigger with ON CONFLICT: their primary keys stay, the rest goes. */
const TRIGGER_FILLED = ['abc_grade', 'risk_assessment'];
const ALL = [...LOADED, ...TRIGGER_FILLED];

const PENDING = 'bench_pending_ddl';

const SETTLEMENT_TRIGGERS = [
  ['sales_order', 'sales_order_settlement_insert'],
  ['payment', 'payment_settles_insert'],
] as const;

/**
 * Empties every table but the migrations' (refusing a database holding data bench:data did not make),
 * then drops the keys, foreign keys and indexes of the loaded tables, remembering how to recreate them.
 */
export async function emptyForLoad(client: pg.ClientBase): Promise<void> {
  const { rows: foreign } = await client.query<{ n: number }>(
    `select count(*)::int as n from staff where email not like '%@bench.dossier'`,
  );
  if ((foreign[0]?.n ?? 0) > 0) {
    throw new Error(
      'bench:data refuses to empty a database holding data it did not make: point DATABASE_URL at an ' +
        'empty database, or unset it to use the embedded one in .data/bench/postgres.',
    );
  }
  await client.query('begin');
  await client.query(`create table if not exists ${PENDING} (
      position serial primary key, wave int not null, table_name text not null, statement text not null)`);
  const { rows: tables } = await client.query<{ name: string }>(
    `select quote_ident(tablename) as name from pg_tables
     where schemaname = current_schema() and tablename not in ('mikro_orm_migrations', '${PENDING}')`,
  );
  // One table at a time: a truncate trigger may empty another table (a rollup), which must then not be
  // part of the same statement.
  // The audit log and the destruction record refuse TRUNCATE (and staff's cascades to them). This database
  // holds only bench data (checked above), so its owner lifts the guards for the reload, inside the
  // transaction, and puts them back.
  const guarded = ['audit_log', 'document_destruction'];
  const guards = (action: 'disable' | 'enable') =>
    Promise.all(guarded.map((t) => client.query(`alter table ${t} ${action} trigger ${t}_no_truncate`)));
  await guards('disable');
  for (const { name } of tables) await client.query(`truncate ${name} restart identity cascade`);
  await guards('enable');
  // Foreign keys first (they hang on the keys), then keys and unique constraints, then plain indexes.
  const { rows: objects } = await client.query<{ wave: number; table: string; create: string; drop: string }>(
    `select wave, conrelid::regclass::text as table,
            format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
              as create,
            format('alter table %s drop constraint %I', conrelid::regclass, conname) as drop
     from (select c.*, case c.contype when 'f' then 2 else 1 end as wave from pg_constraint c) c
     where (contype = 'f' and (conrelid::regclass::text = any($1) or confrelid::regclass::text = any($2)))
        or (contype in ('p', 'u') and conrelid::regclass::text = any($2))
     order by wave desc`,
    [ALL, LOADED],
  );
  const { rows: indexes } = await client.query<{ table: string; create: string; drop: string }>(
    `select i.indrelid::regclass::text as table, pg_get_indexdef(i.indexrelid) as create,
            format('drop index %s', i.indexrelid::regclass) as drop
     from pg_index i
     where i.indrelid::regclass::text = any($1)
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [ALL],
  );
  const dropped = [...objects, ...indexes.map((index) => ({ ...index, wave: 1 }))];
  // Orders are loaded with their paid amounts and payments written from the same values in one statement
  // (orderSql): the triggers that keep the one from the other, and refuse paid amounts written directly,
  // are off meanwhile.
  for (const [table, trigger] of SETTLEMENT_TRIGGERS) {
    dropped.push({
      wave: 1,
      table,
      create: `alter table ${table} enable trigger ${trigger}`,
      drop: `alter table ${table} disable trigger ${trigger}`,
    });
  }
  await client.query(
    `insert into ${PENDING} (wave, table_name, statement) select * from unnest($1::int[], $2::text[], $3::text[])`,
    [dropped.map((o) => o.wave), dropped.map((o) => o.table), dropped.map((o) => o.create)],
  );
  for (const { drop } of dropped) await client.query(drop);
  await client.query('commit');
}

/**
 * Recreates what emptyForLoad dropped, `sessions` statements at a time, biggest tables first; keys and
 * indexes before the foreign keys that need them. Each statement is forgotten once it has run.
 */
export async function restoreAfterLoad(pool: pg.Pool, sessions: number): Promise<void> {
  for (const wave of [1, 2]) {
    const { rows } = await pool.query<{ position: number; statement: string }>(
      `select position, statement from ${PENDING}
       where wave = $1 order by pg_total_relation_size(table_name::regclass) desc, position`,
      [wave],
    );
    await inParallel(rows, sessions, async ({ position, statement }) => {
      await pool.query(statement);
      await pool.query(`delete from ${PENDING} where position = $1`, [position]);
    });
  }
  await pool.query(`drop table ${PENDING}`);
}

/** Runs `work` for every item, at most `width` at a time, in the items' order. */
export async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
