import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CoverageTable_RowFragment } from '../../apollo/generated';
import { formatNumber, useLanguage } from '../../i18n';
import { DataTable, type TableColumn } from './DataTable';

/** Each score with what it means, in the words of the API's description of `coverageScore`. */
export const SCORES = [
  { score: 0, meaning: 'dashboard.score0', count: (r: CoverageTable_RowFragment) => r.score0 },
  { score: 1, meaning: 'dashboard.score1', count: (r: CoverageTable_RowFragment) => r.score1 },
  { score: 2, meaning: 'dashboard.score2', count: (r: CoverageTable_RowFragment) => r.score2 },
  { score: 3, meaning: 'dashboard.score3', count: (r: CoverageTable_RowFragment) => r.score3 },
] as const;

/**
 * Decision-maker coverage per rep: how many of each rep's customers score 0–3 and the average, with
 * the scale spelt out beside the table (and in the file's headers), so the figures read on their own.
 * A rep's name links to `ownerSearch(id)`: the dashboard with the uncovered list narrowed to that rep.
 */
export function CoverageTable({
  rows,
  ownerSearch,
}: {
  rows: readonly CoverageTable_RowFragment[];
  ownerSearch: (ownerId: string) => string;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  // Two decimals: enough to rank reps, and the same figure in the file as on the page.
  const average = (r: CoverageTable_RowFragment) => Math.round(r.averageScore * 100) / 100;
  const columns: TableColumn<CoverageTable_RowFragment>[] = [
    {
      header: t('dashboard.owner'),
      value: (r) => r.owner?.name ?? t('dashboard.noOwner'),
      render: (r) =>
        r.owner ? (
          <Link className="cell-link" to={ownerSearch(r.owner.id)} replace preventScrollReset>
            {r.owner.name}
          </Link>
        ) : (
          t('dashboard.noOwner')
        ),
    },
    { header: t('dashboard.customers'), value: (r) => r.customers, numeric: true },
    ...SCORES.map(
      ({ score, count }): TableColumn<CoverageTable_RowFragment> => ({
        header: t('dashboard.scoreColumn', { score }),
        value: count,
        numeric: true,
      }),
    ),
    {
      header: t('dashboard.averageScore'),
      value: average,
      render: (r) => formatNumber(average(r), language),
      numeric: true,
    },
  ];
  return (
    <>
      <p className="muted">{t('dashboard.coverageHow')}</p>
      <dl className="coverage-legend">
        {SCORES.map(({ score, meaning }) => (
          <div key={score}>
            <dt>{score}</dt>
            <dd>{t(meaning)}</dd>
          </div>
        ))}
      </dl>
      <DataTable
        caption={t('dashboard.coverage')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.owner?.id ?? ''}
        fileName="decision-maker-coverage"
      />
    </>
  );
}
