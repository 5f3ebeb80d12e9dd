import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import { seedArchive } from './archive-inspection.fixtures.js';

/** 2 March 2027 in Beijing: the March period has begun, September's has not. */
const clock = fixedClock('2027-03-02T02:00:00Z');
const db = await testDatabase({ clock });
let archivist: Staff;
let admin: Staff;
let rep: Staff;
let customer: Customer;

beforeAll(async () => {
  ({ archivist, admin, rep, customer } = await seedArchive(db));
});

interface Finding {
  id: string;
  version: number;
  kind: string;
  title: string;
  borrowerName: string | null;
  dueAt: string | null;
  retentionEndedOn: string | null;
  note: string | null;
  checkedBy: { name: string } | null;
  document: { title: string } | null;
}
interface Inspection {
  id: string;
  period: string;
  openCount: number;
  checkedCount: number;
  findings: Finding[];
}

const INSPECTION = `id period openCount checkedCount findings {
  id version kind title borrowerName dueAt retentionEndedOn note checkedBy { name } document { title } }`;

const generate = (period: string, viewer: Staff) =>
  db.execute<{ generateArchiveInspection: Inspection }>(
    `mutation ($period: String!) { generateArchiveInspection(period: $period) { ${INSPECTION} } }`,
    { period },
    { viewer },
  );

const read = async (id: string, viewer = archivist) =>
  (
    await db.execute<{ archiveInspection: Inspection | null }>(
      `query ($id: ID!) { archiveInspection(id: $id) { ${INSPECTION} } }`,
      { id },
      { viewer },
    )
  ).data?.archiveInspection;

const check = (finding: { id: string; version: number }, note: string | null, viewer = archivist) =>
  db.execute<{ checkArchiveInspectionFinding: Finding & { checkedAt: string } }>(
    `mutation ($id: ID!, $v: Int!, $note: String) { checkArchiveInspectionFinding(id: $id, expectedVersion: $v, note: $note) {
      id version note checkedAt checkedBy { name } } }`,
    { id: finding.id, v: finding.version, note },
    { viewer },
  );

const codes = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  (result.errors ?? []).map((error) => [error.extensions?.code, error.extensions?.field ?? null]);

describe('the archive inspection through the API', () => {
  it('is the keepers’ alone: a rep is refused and nothing is generated', async () => {
    expect(codes(await generate('2027-03', rep))).toEqual([['FORBIDDEN', null]]);
    const list = await db.execute(`{ archiveInspections(first: 5) { totalCount } }`, {}, { viewer: rep });
    expect(codes(list)).toEqual([['FORBIDDEN', null]]);
    const all = await db.execute<{ archiveInspections: { totalCount: number } }>(
      `{ archiveInspections(first: 5) { totalCount } }`,
      {},
      { viewer: admin },
    );
    expect(all.data?.archiveInspections.totalCount).toBe(0);
  });

  it('refuses a period that is not March or September, or has not begun', async () => {
    expect(codes(await generate('2027-04', archivist))).toEqual([['BAD_USER_INPUT', 'period']]);
    expect(codes(await generate('2027-09', archivist))).toEqual([['BAD_USER_INPUT', 'period']]);
  });

  it('generates the March checklist on demand, once per period, with what was found frozen in it', async () => {
    const first = await generate('2027-03', archivist);
    expect(first.errors).toBeUndefined();
    const inspection = first.data?.generateArchiveInspection as Inspection;
    expect(inspection).toMatchObject({ period: '2027-03', openCount: 3, checkedCount: 0 });
    expect(
      inspection.findings.map((f) => [
        f.kind,
        f.title,
        f.borrowerName,
        f.dueAt,
        f.retentionEndedOn,
        f.document?.title,
      ]),
    ).toEqual([
      ['DESTRUCTION_PENDING', '2015年方案', null, null, '2025-01-01', '2015年方案'],
      ['LOAN_OVERDUE', '借出方案', '借阅代表', '2027-02-22T02:00:00.000Z', null, '借出方案'],
      ['NO_RETENTION', '无期限方案', null, null, null, '无期限方案'],
    ]);
    const again = await generate('2027-03', admin);
    expect(again.data?.generateArchiveInspection.id).toBe(inspection.id);
    expect(again.data?.generateArchiveInspection.findings).toHaveLength(3);
  });

  it('ticks a finding with a note: the open count drops, a stale version conflicts, the history keeps it', async () => {
    const list = await db.execute<{ archiveInspections: { nodes: Array<{ id: string }> } }>(
      `{ archiveInspections(first: 5) { nodes { id } } }`,
      {},
      { viewer: archivist },
    );
    const id = list.data?.archiveInspections.nodes[0]?.id as string;
    const before = (await read(id)) as Inspection;
    const overdue = before.findings.find((f) => f.kind === 'LOAN_OVERDUE') as Finding;
    const ticked = await check(overdue, '  已催还  ');
    expect(ticked.data?.checkArchiveInspectionFinding).toMatchObject({
      note: '已催还',
      version: overdue.version + 1,
      checkedAt: '2027-03-02T02:00:00.000Z',
      checkedBy: { name: '档案员甲' },
    });
    expect(codes(await check(overdue, 'again'))).toEqual([['VERSION_CONFLICT', null]]);
    expect(await read(id)).toMatchObject({ openCount: 2, checkedCount: 1 });
    expect(codes(await check(overdue, null, rep))).toEqual([['FORBIDDEN', null]]);
    const history = await db.execute<{
      customer: {
        history: {
          nodes: Array<{
            entityType: string;
            action: string;
            changes: Array<{ field: string; after: string | null }>;
          }>;
        };
      };
    }>(
      `query ($id: ID!) { customer(id: $id) { history(first: 20) { nodes { entityType action changes { field after } } } } }`,
      { id: toGlobalId('Customer', customer.id) },
      { viewer: admin },
    );
    const tick = history.data?.customer.history.nodes.find(
      (change) => change.entityType === 'ArchiveInspectionItem' && change.action === 'UPDATE',
    );
    expect(tick?.changes.map((change) => [change.field, change.after])).toEqual([
      ['checkedAt', '2027-03-02T02:00:00.000Z'],
      ['checkedById', toGlobalId('Staff', archivist.id)],
      ['note', '已催还'],
    ]);
  });

  it('answers NOT_FOUND for a finding that does not exist, and null for an unknown inspection', async () => {
    const missing = toGlobalId('ArchiveInspectionItem', '00000000-0000-4000-8000-000000000000');
    expect(codes(await check({ id: missing, version: 1 }, null))).toEqual([['NOT_FOUND', 'id']]);
    expect(await read(toGlobalId('ArchiveInspection', '00000000-0000-4000-8000-000000000000'))).toBeNull();
  });

  it('reads many inspections with their findings in the same number of statements', async () => {
    const query = `query ($first: Int!) { archiveInspections(first: $first) { nodes { period openCount checkedCount
      findings { kind title checkedBy { name } document { title } } } } }`;
    const statements = async (first: number) =>
      (
        await db.captureSql(async () => {
          const result = await db.execute(query, { first }, { viewer: archivist });
          expect(result.errors).toBeUndefined();
        })
      ).length;
    const one = await statements(1);
    // A second period with its findings: the September 2026 one, generated late.
    expect((await generate('2026-09', archivist)).errors).toBeUndefined();
    expect(await statements(2)).toBe(one);
  });
});
