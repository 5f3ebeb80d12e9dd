import type { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Staff } from '../staff/staff.entity.js';

type Db = Awaited<ReturnType<typeof testDatabase>>;

export interface FieldValue {
  field: string;
  before: string | null;
  after: string | null;
}

export interface HistoryEntry {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  changes: FieldValue[];
}

interface HistoryPage {
  customer: {
    history: {
      totalCount: number;
      nodes: HistoryEntry[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
}

const HISTORY = `query ($id: ID!, $first: Int, $after: String, $sections: [HistorySection!]) {
  customer(id: $id) { history(first: $first, after: $after, sections: $sections) {
    totalCount
    nodes { id entityType entityId action changes { field before after } }
    pageInfo { hasNextPage endCursor }
  } }
}`;

/** One page of a customer's history through GraphQL; any error fails the caller's assertion. */
export async function historyPage(
  db: Db,
  viewer: Staff,
  customerId: string,
  page: { first: number; after?: string | null; sections?: string[] },
) {
  const result = await db.execute<HistoryPage>(
    HISTORY,
    { id: toGlobalId('Customer', customerId), ...page },
    { viewer },
  );
  if (result.errors || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.customer.history;
}

/**
 * Walks a customer's whole history `first` entries at a time, following endCursor as a client does.
 * Answers every entry in the order the pages gave them, and the totalCount of the first page.
 */
export async function walkHistory(
  db: Db,
  viewer: Staff,
  customerId: string,
  first: number,
  sections?: string[],
) {
  const entries: HistoryEntry[] = [];
  let page = await historyPage(db, viewer, customerId, { first, sections });
  const totalCount = page.totalCount;
  entries.push(...page.nodes);
  // Bounded: a cursor that went in circles must fail the test, not hang it.
  for (let pages = 1; page.pageInfo.hasNextPage && pages <= totalCount; pages += 1) {
    page = await historyPage(db, viewer, customerId, { first, after: page.pageInfo.endCursor, sections });
    entries.push(...page.nodes);
  }
  return { totalCount, entries };
}

/**
 * The history's order (at desc, id desc) as the database has it, optionally of some record types only:
 * the truth a page walk must equal.
 */
export async function storedHistoryIds(db: Db, customerId: string, types?: string[]): Promise<string[]> {
  const query = db.orm.em
    .getKnex()('change')
    .select('id')
    .where('customer_id', customerId)
    .orderBy([
      { column: 'at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
  if (types) query.whereIn('entity_type', types);
  const rows = await db.orm.em.fork().execute<Array<{ id: string }>>(query);
  return rows.map((row) => toGlobalId('Change', row.id));
}
