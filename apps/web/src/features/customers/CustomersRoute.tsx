import type { ApolloClient } from '@apollo/client';
import { type PreloadedQueryRef, type PreloadQueryFunction } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import {
  CustomersRouteDocument,
  type CustomersRouteQuery,
  type CustomersRouteQueryVariables,
  ViewerDocument,
} from '../../apollo/generated';
import { usePagedQuery } from '../../apollo/usePagedQuery';
import { CustomerFilters } from './CustomerFilters';
import { CustomerRow } from './CustomerRow';
import { readListParams, variablesOf } from './listParams';
import { useInfiniteScroll } from './useInfiniteScroll';

export const customersLoader =
  (client: ApolloClient, preloadQuery: PreloadQueryFunction) =>
  async ({ request }: LoaderFunctionArgs) => {
    // "Mine" needs to know who is asking: the shell's viewer query, answered by the cache after the first time.
    const { data } = await client.query({ query: ViewerDocument, errorPolicy: 'all' });
    const list = readListParams(new URL(request.url).searchParams, data?.me?.role);
    return preloadQuery(CustomersRouteDocument, { variables: variablesOf(list, data?.me?.id) });
  };

type ListRef = PreloadedQueryRef<CustomersRouteQuery, CustomersRouteQueryVariables>;

/** `/customers`, the start page: the filters live in the URL, the rows page in as the rep scrolls. */
export function CustomersRoute() {
  const { t } = useTranslation();
  const queryRef = useLoaderData<ListRef>();
  const { data, fetchMore } = usePagedQuery(queryRef);
  const { customers } = data;
  const { hasNextPage, endCursor } = customers.pageInfo;
  const sentinel = useInfiniteScroll(hasNextPage, () => fetchMore({ variables: { after: endCursor } }));

  return (
    <section className="customers" aria-labelledby="customers-title">
      <div className="customers__head">
        <h1 id="customers-title">{t('customers.title')}</h1>
        <p className="muted" role="status">
          {t('customers.count', { count: customers.totalCount })}
        </p>
      </div>
      <CustomerFilters />
      {customers.nodes.length === 0 ? (
        <p className="muted">{t('customers.empty')}</p>
      ) : (
        <ul className="customer-list">
          {customers.nodes.map((customer) => (
            <CustomerRow key={customer.id} customer={customer} />
          ))}
        </ul>
      )}
      {hasNextPage && (
        <div ref={sentinel} className="loading" role="status">
          {t('customers.loadingMore')}
        </div>
      )}
    </section>
  );
}
