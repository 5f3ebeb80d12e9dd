import { type PreloadedQueryRef, type PreloadQueryFunction, useReadQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { CustomersRouteDocument, type CustomersRouteQuery } from '../../apollo/generated';
import { CustomerRow } from './CustomerRow';

export const customersLoader =
  (preloadQuery: PreloadQueryFunction) =>
  ({ request }: LoaderFunctionArgs) => {
    const search = new URL(request.url).searchParams.get('q') ?? undefined;
    return preloadQuery(CustomersRouteDocument, { variables: { filter: { search } } });
  };

/** `/customers`, the start page. */
export function CustomersRoute() {
  const { t } = useTranslation();
  const { data } = useReadQuery(useLoaderData<PreloadedQueryRef<CustomersRouteQuery>>());
  return (
    <section className="customers">
      <h1>{t('customers.title')}</h1>
      <ul className="customer-list">
        {data.customers.nodes.map((customer) => (
          <CustomerRow key={customer.id} customer={customer} />
        ))}
      </ul>
    </section>
  );
}
