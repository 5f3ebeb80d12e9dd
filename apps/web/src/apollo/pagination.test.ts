import { gql } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { createCache } from './cache';

const PAGE = gql`
  query Page($filter: CustomerFilter, $after: String) {
    customers(filter: $filter, first: 2, after: $after) {
      totalCount
      nodes {
        id
        name
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const page = (names: string[], endCursor: string | null, totalCount = 3) => ({
  customers: {
    __typename: 'CustomerConnection',
    totalCount,
    nodes: names.map((name) => ({ __typename: 'Customer', id: name, name })),
    pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
  },
});

describe('the customers connection in the cache', () => {
  it('appends the next page to the list of the same filter, and the first page replaces it', () => {
    const cache = createCache();
    const mine = { filter: { ownerId: 's1' } };
    cache.writeQuery({ query: PAGE, variables: mine, data: page(['a', 'b'], 'c2') });
    cache.writeQuery({ query: PAGE, variables: { ...mine, after: 'c2' }, data: page(['c'], null) });

    const read = (variables: object) => cache.readQuery<ReturnType<typeof page>>({ query: PAGE, variables });
    expect(read(mine)?.customers.nodes.map((n) => n.name)).toEqual(['a', 'b', 'c']);
    expect(read(mine)?.customers.pageInfo.hasNextPage).toBe(false);

    // Another filter is another list.
    cache.writeQuery({ query: PAGE, variables: { filter: { search: 'x' } }, data: page(['x'], null, 1) });
    expect(read({ filter: { search: 'x' } })?.customers.nodes.map((n) => n.name)).toEqual(['x']);
    expect(read(mine)?.customers.nodes.map((n) => n.name)).toEqual(['a', 'b', 'c']);

    // Fetching the first page again (a refetch) starts the list over.
    cache.writeQuery({ query: PAGE, variables: mine, data: page(['z'], null, 1) });
    expect(read(mine)?.customers).toMatchObject({ totalCount: 1, nodes: [{ name: 'z' }] });
  });
});
