import { type PreloadedQueryRef, useReadQuery } from '@apollo/client/react';
import { riskLevelLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type {
  DashboardTeamQuery,
  DashboardTeamQueryVariables,
  TeamTable_RowFragment,
} from '../../apollo/generated';
import { formatMoney, formatNumber, useLabel, useLanguage } from '../../i18n';
import { DataTable, type TableColumn } from './DataTable';
import { readMinLevel } from './RiskCustomers';
import { repCustomersHref, repRiskHref, repStaleHref, repUncoveredHref } from './teamLinks';
import './team.css';

type Row = TeamTable_RowFragment;

/** Two decimals: enough to rank reps, and the same figure in the file as on the page. */
const averageOf = (row: Row) =>
  row.averageCoverageScore === null ? '' : Math.round(row.averageCoverageScore * 100) / 100;

/** Whole points: completeness is scored 0–100. */
const completenessOf = (row: Row) =>
  row.averageCompleteness === null ? '' : Math.round(row.averageCompleteness);

/**
 * One row per rep: customers, revenue of the period, coverage, stale dossiers and risk customers, each
 * figure a link to the customers behind it (customers without an owner have no list to open).
 */
export function TeamTable({
  rows,
  params,
  fileName,
}: {
  rows: readonly Row[];
  /** the dashboard's URL parameters, kept by the risk links */
  params: URLSearchParams;
  fileName: string;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const name = (r: Row) => r.owner?.name ?? t('dashboard.noOwner');
  const figure = (n: number, href: string | null, label: string) =>
    href ? (
      <Link className="cell-link team-figure" to={href} aria-label={label}>
        {formatNumber(n, language)}
      </Link>
    ) : (
      formatNumber(n, language)
    );
  const columns: TableColumn<Row>[] = [
    {
      header: t('team.rep'),
      value: name,
      render: (r) =>
        r.owner ? (
          <Link className="cell-link" to={repCustomersHref(r.owner.id)}>
            {r.owner.name}
          </Link>
        ) : (
          name(r)
        ),
    },
    {
      header: t('team.customers'),
      value: (r) => r.customers,
      render: (r) =>
        figure(
          r.customers,
          r.owner && repCustomersHref(r.owner.id),
          t('team.customersOf', { name: name(r), n: r.customers }),
        ),
      numeric: true,
    },
    {
      header: t('team.revenue'),
      value: (r) => Number(r.revenue),
      render: (r) => formatMoney(r.revenue as `${number}`, language),
      numeric: true,
    },
    {
      header: t('team.averageScore'),
      value: averageOf,
      render: (r) => {
        const average = averageOf(r);
        return average === '' ? '–' : formatNumber(average, language);
      },
      numeric: true,
    },
    {
      header: t('team.averageCompleteness'),
      value: completenessOf,
      render: (r) => {
        const average = completenessOf(r);
        return average === '' ? '–' : formatNumber(average, language);
      },
      numeric: true,
    },
    {
      header: t('team.uncoveredAb'),
      value: (r) => r.uncoveredAbCustomers,
      render: (r) =>
        figure(
          r.uncoveredAbCustomers,
          r.owner && r.uncoveredAbCustomers > 0 ? repUncoveredHref(params, r.owner.id) : null,
          t('team.uncoveredOf', { name: name(r), n: r.uncoveredAbCustomers }),
        ),
      numeric: true,
    },
    {
      header: t('team.stale'),
      value: (r) => r.staleDossiers,
      render: (r) =>
        figure(
          r.staleDossiers,
          r.owner && r.staleDossiers > 0 ? repStaleHref(r.owner.id) : null,
          t('team.staleOf', { name: name(r), n: r.staleDossiers }),
        ),
      numeric: true,
    },
    {
      header: t('team.risk'),
      value: (r) => r.riskCustomers,
      render: (r) =>
        figure(
          r.riskCustomers,
          r.owner && r.riskCustomers > 0 ? repRiskHref(params, r.owner.id) : null,
          t('team.riskOf', { name: name(r), n: r.riskCustomers }),
        ),
      numeric: true,
    },
  ];
  return (
    <DataTable
      caption={t('team.title')}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.owner?.id ?? ''}
      fileName={fileName}
    />
  );
}

/** The team view, reading its own preloaded query; `range` names the period in the file's name. */
export function TeamSection({
  queryRef,
  range,
}: {
  queryRef: PreloadedQueryRef<DashboardTeamQuery, DashboardTeamQueryVariables>;
  range: string;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const [params] = useSearchParams();
  const { teamSummary } = useReadQuery(queryRef).data;
  const minLevel = readMinLevel(params.get('risk'));
  return (
    <section aria-labelledby="dashboard-team">
      <h2 id="dashboard-team">{t('team.title')}</h2>
      <p className="muted">{t('team.how', { level: label(riskLevelLabels, minLevel) })}</p>
      <TeamTable rows={teamSummary} params={params} fileName={`team_${range}_${minLevel}`} />
    </section>
  );
}
