import { type PreloadedQueryRef, useReadQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type {
  CompetitorWallet_RowFragment,
  DashboardCompetitorWalletQuery,
  DashboardCompetitorWalletQueryVariables,
} from '../../apollo/generated';
import { formatMoney, formatNumber, useLanguage } from '../../i18n';
import { byRevenueAtStake, competitorCustomersHref, walletOption } from './competitorWallet';
import { DataTable, type TableColumn } from './DataTable';
import { EChart } from './EChart';

type Row = CompetitorWallet_RowFragment;

export type CompetitorWalletRef = PreloadedQueryRef<
  DashboardCompetitorWalletQuery,
  DashboardCompetitorWalletQueryVariables
>;

/** One row per competitor, most revenue at stake first, each name opening the customers where it is present. */
export function CompetitorWalletTable({ rows, fileName }: { rows: readonly Row[]; fileName: string }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const columns: TableColumn<Row>[] = [
    {
      header: t('wallet.competitor'),
      value: (r) => r.competitor.name,
      render: (r) => (
        <Link className="cell-link" to={competitorCustomersHref(r.competitor.id)}>
          {r.competitor.name}
        </Link>
      ),
    },
    {
      header: t('wallet.customers'),
      value: (r) => r.customers,
      render: (r) => formatNumber(r.customers, language),
      numeric: true,
    },
    {
      header: t('wallet.estimated'),
      value: (r) => r.estimatedCustomers,
      render: (r) => formatNumber(r.estimatedCustomers, language),
      numeric: true,
    },
    {
      header: t('wallet.averageShare'),
      value: (r) => (r.averageSharePercent === null ? '' : Number(r.averageSharePercent)),
      render: (r) =>
        r.averageSharePercent === null
          ? '–'
          : t('wallet.percent', { share: formatNumber(r.averageSharePercent as `${number}`, language) }),
      numeric: true,
    },
    {
      header: t('wallet.revenueAtStake'),
      value: (r) => Number(r.revenueAtStake),
      render: (r) => formatMoney(r.revenueAtStake as `${number}`, language),
      numeric: true,
    },
  ];
  return (
    <DataTable
      caption={t('wallet.title')}
      columns={columns}
      rows={byRevenueAtStake(rows)}
      rowKey={(r) => r.competitor.id}
      fileName={fileName}
    />
  );
}

/** The panel reading its own preloaded query. */
export function CompetitorWalletSection({ queryRef }: { queryRef: CompetitorWalletRef }) {
  return <CompetitorWalletPanel view={useReadQuery(queryRef).data.competitorShareOfWallet} />;
}

/** 竞争对手: share of wallet per competitor over the dashboard's period, as bars and as a table. */
export function CompetitorWalletPanel({
  view: { from, to, competitors },
}: {
  view: DashboardCompetitorWalletQuery['competitorShareOfWallet'];
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const navigate = useNavigate();
  const option = useMemo(
    () =>
      walletOption(competitors, {
        revenueAtStake: t('wallet.revenueAtStake'),
        money: (amount) => formatMoney(amount, language),
      }),
    [competitors, t, language],
  );
  // The chart's bars in the table's order: a tap on one opens that competitor's customers.
  const openBar = (index: number) => {
    const row = byRevenueAtStake(competitors)[index];
    if (row) navigate(competitorCustomersHref(row.competitor.id));
  };
  return (
    <section aria-labelledby="dashboard-wallet" className="wallet">
      <h2 id="dashboard-wallet">{t('wallet.title')}</h2>
      <p className="muted">{t('wallet.how')}</p>
      {competitors.length === 0 ? (
        <p className="muted">{t('wallet.empty')}</p>
      ) : (
        <>
          <figure className="wallet__chart">
            <EChart option={option} label={t('wallet.chart')} onClick={openBar} />
          </figure>
          <CompetitorWalletTable rows={competitors} fileName={`competitors_${from}_${to}`} />
        </>
      )}
    </section>
  );
}
