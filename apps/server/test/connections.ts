import { expect } from 'vitest';
import { toGlobalId } from '../src/core/graphql/global-id.js';
import type { Staff } from '../src/modules/staff/staff.entity.js';
import type { testDatabase } from './harness.js';

type Db = Awaited<ReturnType<typeof testDatabase>>;

interface RootPage {
  totalCount: number;
  nodes: Array<{ id: string }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * A root connection query of `field` taking `$filter`, `$orderBy`, `$first` and `$after`, asking for what a
 * page walk reads: node ids, the total and the page info.
 */
export function rootListQuery(field: string, filterType: string, orderType: string): string {
  return `query ($filter: ${filterType}, $orderBy: ${orderType}, $first: Int, $after: String) {
    ${field}(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount nodes { id } pageInfo { hasNextPage endCursor }
    }
  }`;
}

/**
 * Walks a root connection `first` rows at a time, following endCursor as a client does; any error fails.
 * Answers the node ids in the order the pages gave them, and the first page's totalCount.
 */
export async function walkRootList(
  db: Db,
  viewer: Staff,
  field: string,
  query: string,
  variables: Record<string, unknown>,
  first: number,
) {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  // Bounded: a cursor that went in circles must fail the test, not hang it.
  for (let pages = 0; pages < 1000; pages += 1) {
    const result = await db.execute<Record<string, RootPage>>(
      query,
      { ...variables, first, after },
      { viewer },
    );
    expect(result.errors).toBeUndefined();
    const page = result.data?.[field] as RootPage;
    if (totalCount < 0) totalCount = page.totalCount;
    ids.push(...page.nodes.map((node) => node.id));
    if (!page.pageInfo.hasNextPage) return { ids, totalCount };
    after = page.pageInfo.endCursor;
  }
  throw new Error(`${field}: the walk did not end`);
}

/** The ids an independently written SQL query answers, as global ids of `type`, in its order. */
export async function idsBySql(db: Db, type: string, sql: string, params: unknown[] = []): Promise<string[]> {
  const rows = await db.orm.em.fork().execute<Array<{ id: string }>>(sql, params);
  return rows.map((row) => toGlobalId(type, row.id));
}

/** Asserts a refused request: BAD_USER_INPUT naming `field`, and no data. */
export function expectBadInput(
  result: { data?: unknown; errors?: readonly { extensions?: unknown }[] },
  field: string,
) {
  expect(result.errors?.map((error) => error.extensions)).toEqual([
    expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
  ]);
  expect(result.data ?? null).toBeNull();
}
