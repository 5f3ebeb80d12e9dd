import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { type CursorValue, encodeCursor } from './cursor.js';
import type { Page } from './page-args.js';

@ObjectType({ description: 'Where a page stands in the whole list / 分页信息' })
export class PageInfo {
  @Field({ description: 'More rows follow / 是否有下一页' })
  hasNextPage!: boolean;

  @Field({ description: 'Rows precede this page / 是否有上一页' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first row / 首行游标' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row; pass as `after` / 末行游标' })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/** Relay connection and edge types for one node type, e.g. CustomerConnection and CustomerEdge. */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page / 分页中的一条` })
  class Edge {
    @Field({ description: 'Cursor of this row / 游标' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The row / 记录' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} rows / 分页列表` })
  class Connection implements ConnectionShape<T> {
    @Field(() => [Edge], { description: 'Rows with their cursors / 带游标的记录' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'Rows of this page / 本页记录' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Paging information / 分页信息' })
    pageInfo!: PageInfo;

    count!: () => Promise<number>;

    @Field(() => Int, { description: 'Rows in the whole filtered list, counted only when asked / 总数' })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return Connection;
}

/**
 * Builds a connection from a keyset query that fetched one row more than the page size: that extra row
 * only tells that a next page exists.
 */
export function toConnection<T extends { id: string }, C extends ConnectionShape<T>>(
  type: ClassType<C>,
  rows: T[],
  page: Page,
  sortValue: (row: T) => CursorValue,
  count: () => Promise<number>,
): C {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node) => ({
    cursor: encodeCursor({ value: sortValue(node), id: node.id }),
    node,
  }));
  return Object.assign(new type(), {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    count,
  });
}
