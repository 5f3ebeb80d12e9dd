import { type PreloadedQueryRef, useReadQuery } from '@apollo/client/react';
import { abcClassLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type {
  CoverageList_RowFragment,
  DashboardCoverageListQuery,
  DashboardCoverageListQueryVariables,
  DashboardCoverageQuery,
  DashboardCoverageQueryVariables,
} from '../../apollo/generated';
import { usePagedQuery } from '../../apollo/usePagedQuery';
import { formatNumber, useLabel, useLanguage } from '../../i18n';
import { ShowMore } from '../../ui/ShowMore';
import { withParam } from '../customers/listParams';
import { CoverageTable, SCORES } from './CoverageTable';
import { customerColumns } from './customerColumns';
import { DataTable, type TableColumn } from './DataTable';

/** The URL parameter naming the rep whose customers the coverage list narrows to. */
export const COVERAGE_OWNER = 'coverageOwner';

/** The coverage list's variables from the URL: every rep's A and B customers, or one rep's. */
export function coverageListVariables(params: URLSearchParams): DashboardCoverageListQueryVariables {
  const ownerId = params.get(COVERAGE_OWNER);
  return ownerId ? { ownerId } : {};
}

interface Props {
  summaryRef: PreloadedQueryRef<DashboardCoverageQuery, DashboardCoverageQueryVariables>;
  listRef: PreloadedQueryRef<DashboardCoverageListQuery, DashboardCoverageListQueryVariables>;
}

/**
 * Decision-maker coverage: the score per rep, then the A and B customers whose decision makers are not
 * covered, best ranked first; a rep's name in the table narrows the list to that rep's customers.
 */
export function CoverageSection({ summaryRef, listRef }: Props) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [params] = useSearchParams();
  const { coverageSummary } = useReadQuery(summaryRef).data;
  const { data, fetchMore } = usePagedQuery(listRef);
  const { customers } = data;
  // In a transition, so the rows shown stay on screen while the next page arrives.
  const ownerId = params.get(COVERAGE_OWNER) ?? '';
  const owner = coverageSummary.find((row) => row.owner?.id === ownerId)?.owner;
  const ownerSearch = (id: string) => `?${withParam(params, COVERAGE_OWNER, id).toString()}`;
  return (
    <section aria-labelledby="dashboard-coverage">
      <h2 id="dashboard-coverage">{t('dashboard.coverage')}</h2>
      <CoverageTable rows={coverageSummary} ownerSearch={ownerSearch} />
      <div className="dashboard__section-head">
        <h3 id="dashboard-coverage-list">
          {owner ? t('dashboard.uncoveredOf', { owner: owner.name }) : t('dashboard.uncovered')}
        </h3>
        {ownerId && (
          <Link className="button button--secondary" to={ownerSearch('')} replace preventScrollReset>
            {t('dashboard.everyRep')}
          </Link>
        )}
        <p className="muted" role="status">
          {t('dashboard.shownOf', {
            shown: formatNumber(customers.nodes.length, language),
            n: formatNumber(customers.totalCount, language),
          })}
        </p>
      </div>
      {customers.nodes.length === 0 ? (
        <p className="muted">{t('dashboard.noUncovered')}</p>
      ) : (
        <CoverageList
          rows={customers.nodes}
          fileName={ownerId ? `uncovered_${owner?.name ?? ownerId}` : 'uncovered'}
        />
      )}
      <ShowMore pageInfo={customers.pageInfo} onMore={(after) => fetchMore({ variables: { after } })}>
        {t('dashboard.showMoreUncovered')}
      </ShowMore>
    </section>
  );
}

/** A and B customers with their coverage score spelt out; a row's name opens the dossier. */
export function CoverageList({
  rows,
  fileName,
}: {
  rows: readonly CoverageList_RowFragment[];
  fileName: string;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const { customer, code, owner } = customerColumns<CoverageList_RowFragment>(t, (r) => r);
  const columns: TableColumn<CoverageList_RowFragment>[] = [
    customer,
    code,
    { header: t('dashboard.class'), value: (r) => label(abcClassLabels, r.abc.class) },
    owner,
    {
      header: t('dashboard.score'),
      value: (r) => {
        const meaning = SCORES.find((s) => s.score === r.coverageScore)?.meaning;
        return meaning
          ? t('dashboard.scoreMeaning', { score: r.coverageScore, meaning: t(meaning) })
          : r.coverageScore;
      },
    },
  ];
  return (
    <DataTable
      caption={t('dashboard.uncovered')}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      fileName={fileName}
    />
  );
}
