import pg from 'pg';
import {
  type BenchSize,
  creditReportSql,
  customerSql,
  lineSql,
  orderSql,
  productSql,
  staffSql,
} from './generate.js';
import {
  decisionRoleSql,
  keyPersonSql,
  projectEventSql,
  projectSql,
  relationshipHistorySql,
  relationshipSql,
} from './generate-dossier.js';
import { emptyForLoad, inParallel, restoreAfterLoad } from './load-schema.js';

/** PostgreSQL sessions that load side by side: one per core of the reference machine. */
export const SESSIONS = 2;

/**
 * SESSIONS sessions set for bulk work, in the bench only: asynchronous commit (a crash loses the last
 * moments of a load that is rerun anyway), and memory for big sorts and hash tables.
 */
export function bulkSessions(connectionString: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: SESSIONS,
    options:
      '-c synchronous_commit=off -c maintenance_work_mem=1GB -c work_mem=256MB -c max_parallel_maintenance_workers=1',
  });
  // pg-pool's end() resolves before the idle sessions' sockets close, so stopping an embedded server right
  // after ends them from its side; an idle session needs nothing done, the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs one named step of the load; the command line times and prints it. */
export type Step = (name: string, work: () => Promise<unknown>) => Promise<unknown>;

const silently: Step = (_name, work) => work();

/** [from, to] cut into `parts` consecutive ranges of nearly equal length. */
function ranges(from: number, to: number, parts: number): Array<[number, number]> {
  const length = to - from + 1;
  return Array.from({ length: parts }, (_, k): [number, number] => [
    from + Math.floor((length * k) / parts),
    from + Math.floor((length * (k + 1)) / parts) - 1,
  ]).filter(([a, b]) => a <= b);
}

/**
 * Replaces the content of the database with the bench data of `size`: emptied, loaded into bare tables
 * by SESSIONS sessions side by side, keys and indexes rebuilt, vacuumed (index-only scans need the
 * visibility map) and analyzed. The pool's sessions should be tuned for bulk work.
 */
export async function loadBenchData(pool: pg.Pool, size: BenchSize, step: Step = silently): Promise<void> {
  const fill = (from: number, to: number, statement: (a: number, b: number) => string) =>
    inParallel(ranges(from, to, SESSIONS), SESSIONS, async ([a, b]) => {
      await pool.query(statement(a, b));
    });
  await step('empty, drop keys and indexes', async () => {
    const client = await pool.connect();
    try {
      await emptyForLoad(client);
    } finally {
      client.release();
    }
  });
  await step('staff and products', async () => {
    await pool.query(staffSql());
    await pool.query(productSql());
  });
  await step('customers', async () => {
    await fill(1, size.customers, (a, b) => customerSql(size, a, b));
    await pool.query("select setval('customer_code_seq', $1)", [size.customers]);
  });
  await step('credit reports', () => fill(1, size.customers, (a, b) => creditReportSql(a, b, size.today)));
  const perCustomer = (statement: (a: number, b: number, today: string) => string) =>
    fill(1, size.customers, (a, b) => statement(a, b, size.today));
  await step('key persons', () => perCustomer(keyPersonSql));
  await step('relationships and their history', async () => {
    await perCustomer(relationshipSql);
    await perCustomer(relationshipHistorySql);
  });
  await step('decision roles', () => perCustomer(decisionRoleSql));
  await step('projects and events', async () => {
    await perCustomer(projectSql);
    await perCustomer(projectEventSql);
  });
  await step('orders', () => fill(0, size.orders - 1, (a, b) => orderSql(size, a, b)));
  await step('order lines', async () => {
    await fill(0, size.orders - 1, (a, b) => lineSql(size, a, b));
    // Lines added later by the application number on after the bench's (order × 32 + line).
    await pool.query(`select setval(pg_get_serial_sequence('order_line', 'id'), $1)`, [size.orders * 32]);
  });
  await step('keys, indexes, foreign keys', () => restoreAfterLoad(pool, SESSIONS));
  await step('vacuum analyze', async () => {
    const { rows } = await pool.query<{ name: string }>(
      `select quote_ident(tablename) as name from pg_tables where schemaname = current_schema()
       order by pg_total_relation_size(quote_ident(tablename)::regclass) desc`,
    );
    await inParallel(rows, SESSIONS, async ({ name }) => {
      await pool.query(`vacuum (analyze) ${name}`);
    });
  });
}
