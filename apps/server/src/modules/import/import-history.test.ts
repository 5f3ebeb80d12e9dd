import { StaffRole } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import { storedHistoryIds, walkHistory } from '../history/history.fixtures.js';
import type { Staff } from '../staff/staff.entity.js';
import { type Cell, csv } from './import.fixtures.js';
import { afterImport, importFile } from './import.service.js';

// What `pnpm dossier import` does, through the same service: one transaction, then afterImport.

const db = await testDatabase();
const build = builders(db.orm);
let importer: Staff;
let customer: Customer;

const HEADER = [
  'Order No',
  'Customer Code',
  'Order Date',
  'Due Date',
  'SKU',
  'Product Name',
  'Qty',
  'Unit Price',
];

/** Six orders of one line each, all written by ONE set-based import, so their changes share one time. */
const SIX_ORDERS: Cell[][] = [1, 2, 3, 4, 5, 6].map((n) => [
  `P-${n}`,
  'PAGED',
  `2020-01-0${n}`,
  `2020-02-0${n}`,
  'PAGE-1',
  '分页测试品',
  String(n),
  '100.00',
]);

/** Imports a CSV as the command line does; `inside` runs in the import's transaction, before the commit. */
async function importCsv(rows: Cell[][], inside: (em: EntityManager) => Promise<void> = async () => {}) {
  const request = { format: 'csv', content: csv(rows), kind: null, dryRun: false, viewer: null } as const;
  const report = await db.orm.em.fork().transactional(async (em) => {
    const done = await importFile(em, { ...request, actorId: importer.id });
    await inside(em);
    return done;
  });
  await afterImport(db.orm.em.fork(), report);
  expect(report.errors).toEqual([]);
  return report;
}

let riskInsideTheImport: unknown[] = [];

beforeAll(async () => {
  importer = await build.staff({}, StaffRole.ADMIN);
  customer = await build.customer({ code: 'PAGED', reviewedAt: new Date() });
  await importCsv([HEADER, ...SIX_ORDERS], async (em) => {
    riskInsideTheImport = await em.execute(
      `select s->>'code' as code from risk_assessment, jsonb_array_elements(signals) s where customer_id = ?`,
      [customer.id],
    );
  });
});

describe('history of an import of six orders for one customer', () => {
  it.each([1, 2, 3])('pages of %i return all 7 changes, none twice, newest first', async (first) => {
    const expected = await storedHistoryIds(db, customer.id);
    const walk = await walkHistory(db, importer, customer.id, first);
    expect(walk.totalCount).toBe(7);
    expect(walk.entries.map((entry) => entry.id)).toEqual(expected);
    expect(walk.entries.map((entry) => [entry.entityType, entry.action])).toEqual([
      ...Array.from({ length: 6 }, () => ['Order', 'CREATE']),
      ['Customer', 'CREATE'],
    ]);
  });

  it("records each order as created, its total the sum of its lines, by the importer's one time", async () => {
    const walk = await walkHistory(db, importer, customer.id, 10);
    const totals = walk.entries
      .filter((entry) => entry.entityType === 'Order')
      .map((entry) => [
        entry.changes.find((change) => change.field === 'number')?.after,
        entry.changes.find((change) => change.field === 'total')?.after,
        entry.changes.find((change) => change.field === 'customerId')?.after,
      ])
      .sort();
    expect(totals).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => [`P-${n}`, `${n}00.00`, toGlobalId('Customer', customer.id)]),
    );
    const times = await db.orm.em
      .fork()
      .execute<Array<{ n: number }>>(
        "select count(distinct at)::int as n from change where customer_id = ? and entity_type = 'Order'",
        [customer.id],
      );
    expect(times).toEqual([{ n: 1 }]);
  });

  it('refreshes the risk of the customer in the import’s own transaction: the unpaid orders are overdue', () => {
    expect(riskInsideTheImport).toEqual([{ code: 'OVERDUE_RECEIVABLE' }]);
  });
});

describe('history of lines added to an existing order', () => {
  it('records an UPDATE of its total, as an ORM flush would', async () => {
    const other = await build.customer({ code: 'LINES' });
    await importCsv([HEADER, ['L-1', 'LINES', '2020-03-01', '', 'PAGE-1', '', '1', '100.00']]);
    await importCsv([
      ['Order No', 'SKU', 'Qty', 'Unit Price'],
      ['L-1', 'PAGE-1', '2', '25.50'],
    ]);
    const walk = await walkHistory(db, importer, other.id, 10);
    expect(walk.entries.map((entry) => [entry.entityType, entry.action, entry.changes.length])).toEqual([
      ['Order', 'UPDATE', 1],
      ['Order', 'CREATE', 4],
      ['Customer', 'CREATE', 5],
    ]);
    expect(walk.entries[0]?.changes).toEqual([{ field: 'total', before: '100.00', after: '151.00' }]);
  });
});
