import { MikroORM } from '@mikro-orm/postgresql';
import { runOnDatabase } from '../../cli/database.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../../core/database/database-url.js';
import { migrate } from '../../core/database/migrate.js';
import { ormConfig } from '../../core/database/orm.js';
import { ImportKind } from './import.columns.js';
import { importFile } from './import.service.js';
import { TerminalProgress } from './progress.js';

// `pnpm --filter @dossier/server bench:import`: imports 100,000 customer rows, then 100,000 order-line rows
// (25,000 orders of 4 lines), each as one CSV in one run, into a scratch database, and prints rows/s.
const ROWS = 100_000;
const DATABASE = 'dossier_bench_import';

const csv = (rows: string[][]) => Buffer.from(rows.map((row) => row.join(',')).join('\n'), 'utf8');
const code = (i: number) => `B${String(i % ROWS).padStart(6, '0')}`;

function customersFile(): Buffer {
  const rows = Array.from({ length: ROWS }, (_, i) => [
    code(i),
    `Bench customer ${i}`,
    ['政府机构', 'Company', 'PARTNER'][i % 3] ?? 'Company',
    ['华东', '华北', '华南', '西部'][i % 4] ?? '华东',
    `021-5555 ${String(i % 10_000).padStart(4, '0')}`,
    String((i % 50) * 10_000),
  ]);
  return csv([['客户编号', '客户名称', '性质', '区域', '电话', '信用额度'], ...rows]);
}

function ordersFile(): Buffer {
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const order = Math.floor(i / 4);
    const day = String(1 + (order % 28)).padStart(2, '0');
    const month = String(1 + (order % 12)).padStart(2, '0');
    const sku = `P${i % 200}`;
    return [
      `BO-${order}`,
      code(order * 7),
      `2025-${month}-${day}`,
      sku,
      `Product ${sku}`,
      String(1 + (i % 9)),
      `${(i % 500) + 0.5}`,
      i % 5 === 0 ? '10%' : '',
    ];
  });
  return csv([['订单号', '客户编号', '订货日期', '商品编码', '商品名称', '数量', '单价', '折扣'], ...rows]);
}

async function timed(orm: MikroORM, label: string, kind: ImportKind, content: Buffer): Promise<number> {
  const progress = new TerminalProgress();
  const started = performance.now();
  const request = { format: 'csv' as const, content, kind, dryRun: false, viewer: null, actorId: null };
  const report = await orm.em.fork().transactional((em) => importFile(em, request, progress));
  progress.end();
  const seconds = (performance.now() - started) / 1000;
  if (report.errors.length > 0) throw new Error(`${label}: ${JSON.stringify(report.errors.slice(0, 3))}`);
  const rate = Math.round(report.rows / seconds);
  console.log(
    `${label}: ${report.rows.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s = ${rate.toLocaleString('en-US')} rows/s`,
  );
  return rate;
}

await runOnDatabase(async (orm, _env, log) => {
  const serverUrl = orm.config.get('clientUrl') ?? '';
  await dropDatabase(serverUrl, DATABASE);
  await ensureDatabase(serverUrl, DATABASE);
  const bench = await MikroORM.init(ormConfig(withDatabase(serverUrl, DATABASE)));
  try {
    await migrate(bench, log);
    await timed(bench, 'customers (CSV)', ImportKind.CUSTOMERS, customersFile());
    await timed(bench, 'orders with lines (CSV)', ImportKind.ORDERS, ordersFile());
    return 0;
  } finally {
    await bench.close();
    await dropDatabase(serverUrl, DATABASE);
  }
});
