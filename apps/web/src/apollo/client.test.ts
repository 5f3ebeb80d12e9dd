import { gql } from '@apollo/client';
import { describe, expect, it, vi } from 'vitest';
import { createApolloClient } from './client';

const NODE_QUERY = gql`
  query NodeName($id: ID!) {
    node(id: $id) {
      id
      ... on Customer {
        name
      }
    }
  }
`;

describe('createApolloClient', () => {
  it('POSTs JSON to /graphql with the UI language and the session cookie', async () => {
    let language = 'zh-CN';
    const fetch = vi.fn<typeof globalThis.fetch>(async () =>
      Response.json({ data: { node: { __typename: 'Customer', id: 'c1', name: '华为' } } }),
    );
    const client = createApolloClient({ getLanguage: () => language, fetch });

    const first = await client.query({ query: NODE_QUERY, variables: { id: 'c1' } });
    language = 'en';
    await client.query({ query: NODE_QUERY, variables: { id: 'c2' }, fetchPolicy: 'network-only' });

    expect(first.data).toEqual({ node: { __typename: 'Customer', id: 'c1', name: '华为' } });
    const [[uri, init], [, second]] = fetch.mock.calls as [[string, RequestInit], [string, RequestInit]];
    expect(uri).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toMatchObject({ 'accept-language': 'zh-CN', 'content-type': 'application/json' });
    expect(second.headers).toMatchObject({ 'accept-language': 'en' });
  });

  it('stores Node results under their concrete type so fragments on Node match them', () => {
    const client = createApolloClient({ getLanguage: () => 'en', fetch: vi.fn() });
    client.writeQuery({
      query: NODE_QUERY,
      variables: { id: 'c1' },
      data: { node: { __typename: 'Customer', id: 'c1', name: '华为' } },
    });

    const fragment = client.readFragment({
      id: 'Customer:c1',
      fragment: gql`
        fragment NodeId on Node {
          id
        }
      `,
    });

    expect(fragment).toEqual({ __typename: 'Customer', id: 'c1' });
  });
});
