import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { TableColumn } from './DataTable';

/** What the dashboard's customer tables show of a customer, whichever row it comes in. */
interface CustomerCells {
  id: string;
  name: string;
  code: string;
  owner?: { name: string } | null;
}

/**
 * The customer (its name opening the dossier), code and owner columns every customer table of the
 * dashboard shows, so they read, link and download alike; `customerOf` finds the customer in a row.
 */
export function customerColumns<Row>(t: TFunction, customerOf: (row: Row) => CustomerCells) {
  const customer: TableColumn<Row> = {
    header: t('dashboard.customer'),
    value: (r) => customerOf(r).name,
    render: (r) => (
      <Link className="cell-link" to={`/customers/${encodeURIComponent(customerOf(r).id)}/basic`}>
        {customerOf(r).name}
      </Link>
    ),
  };
  const code: TableColumn<Row> = { header: t('dashboard.code'), value: (r) => customerOf(r).code };
  const owner: TableColumn<Row> = {
    header: t('dashboard.owner'),
    value: (r) => customerOf(r).owner?.name ?? t('dashboard.noOwner'),
  };
  return { customer, code, owner };
}
