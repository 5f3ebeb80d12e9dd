import { abcClassLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import type { RankedCustomers_RowFragment } from '../../apollo/generated';
import { formatMoney, formatPercent, useLabel, useLanguage } from '../../i18n';
import { customerColumns } from './customerColumns';
import { DataTable, type TableColumn } from './DataTable';

interface Props {
  caption: string;
  rows: readonly RankedCustomers_RowFragment[];
  fileName: string;
  /** every row of the list, for the download, when `rows` are its first ones */
  allRows?: () => Promise<readonly RankedCustomers_RowFragment[]>;
}

/** Customers in the period's ranking by revenue, with their class now and before. */
export function RankedCustomers({ caption, rows, fileName, allRows }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const [language] = useLanguage();
  const { customer, code, owner } = customerColumns<RankedCustomers_RowFragment>(t, (r) => r.customer);
  const columns: TableColumn<RankedCustomers_RowFragment>[] = [
    { header: t('dashboard.rank'), value: (r) => r.grade.rank, numeric: true },
    customer,
    code,
    owner,
    { header: t('dashboard.class'), value: (r) => label(abcClassLabels, r.grade.class) },
    {
      header: t('dashboard.previousClass'),
      value: (r) =>
        r.grade.previousClass ? label(abcClassLabels, r.grade.previousClass) : t('dashboard.newCustomers'),
    },
    {
      header: t('dashboard.revenue'),
      value: (r) => Number(r.grade.revenue),
      render: (r) => formatMoney(r.grade.revenue as `${number}`, language),
      numeric: true,
    },
    {
      header: t('dashboard.share'),
      value: (r) => r.grade.share,
      render: (r) => formatPercent(r.grade.share, language),
      numeric: true,
    },
    {
      header: t('dashboard.cumulativeShare'),
      value: (r) => r.grade.cumulativeShare,
      render: (r) => formatPercent(r.grade.cumulativeShare, language),
      numeric: true,
    },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.customer.id}
      fileName={fileName}
      allRows={allRows}
    />
  );
}
