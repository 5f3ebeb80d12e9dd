import { type PreloadedQueryRef, type PreloadQueryFunction, useReadQuery } from '@apollo/client/react';
import { RiskLevel, riskLevelLabels } from '@dossier/domain';
import { useId, useTransition } from 'react';
import { useTranslation } from 'react-i18next';
import { type LoaderFunctionArgs, useLoaderData, useSearchParams } from 'react-router';
import {
  DashboardCompetitorWalletDocument,
  DashboardCompositionDocument,
  DashboardCoverageDocument,
  DashboardCoverageListDocument,
  type DashboardCoverageListQuery,
  type DashboardCoverageListQueryVariables,
  type DashboardCoverageQuery,
  type DashboardCoverageQueryVariables,
  DashboardRiskChoicesDocument,
  type DashboardRiskChoicesQuery,
  type DashboardRiskChoicesQueryVariables,
  DashboardRiskDocument,
  type DashboardRiskQuery,
  type DashboardRiskQueryVariables,
  DashboardRouteDocument,
  type DashboardRouteQuery,
  type DashboardRouteQueryVariables,
  DashboardTeamDocument,
  type DashboardTeamQuery,
  type DashboardTeamQueryVariables,
} from '../../apollo/generated';
import { usePagedQuery } from '../../apollo/usePagedQuery';
import { formatDate, formatMoney, formatNumber, useLabel, useLanguage } from '../../i18n';
import { withParam } from '../customers/listParams';
import { AbcCards } from './AbcCards';
import { type CompetitorWalletRef, CompetitorWalletSection } from './CompetitorWalletSection';
import { type CompositionRef, CompositionSection, compositionVariables } from './CompositionSection';
import { CoverageSection, coverageListVariables } from './CoverageList';
import { walletVariables } from './competitorWallet';
import { MovementMatrix } from './MovementMatrix';
import { Movers } from './Movers';
import { ParetoChart } from './ParetoChart';
import { abcInputOf, type Period, periodChoices, periodParam, readPeriod } from './period';
import { RankedCustomers } from './RankedCustomers';
import { RISK_FILTER_LEVELS, RiskCustomers, readMinLevel, riskVariables } from './RiskCustomers';
import { RiskFilters } from './RiskFilters';
import { SatisfactionPanel } from './SatisfactionPanel';
import { TeamSection } from './TeamSection';
import { teamVariables } from './teamLinks';
import './dashboard.css';

/**
 * Two queries from the URL: `period` for every figure of the classification, `risk`, `signal`,
 * `owner` and `region` for the risk table. Changing one leaves the other's answer in the cache, so only the table that changes waits.
 * The coverage table depends on neither, so its query is read once and stays in the cache; the list of
 * uncovered A and B customers follows `coverageOwner` (a rep picked in that table).
 */
export const dashboardLoader =
  (preloadQuery: PreloadQueryFunction) =>
  ({ request }: LoaderFunctionArgs) => {
    const params = new URL(request.url).searchParams;
    const input = abcInputOf(readPeriod(params.get('period')));
    const minLevel = readMinLevel(params.get('risk'));
    return {
      abc: preloadQuery(DashboardRouteDocument, { variables: { input } }),
      risk: preloadQuery(DashboardRiskDocument, { variables: riskVariables(params) }),
      riskChoices: preloadQuery(DashboardRiskChoicesDocument, { variables: { minLevel } }),
      coverage: preloadQuery(DashboardCoverageDocument),
      coverageList: preloadQuery(DashboardCoverageListDocument, { variables: coverageListVariables(params) }),
      composition: preloadQuery(DashboardCompositionDocument, { variables: compositionVariables(params) }),
      team: preloadQuery(DashboardTeamDocument, { variables: teamVariables(params) }),
      wallet: preloadQuery(DashboardCompetitorWalletDocument, { variables: walletVariables(params) }),
    };
  };

interface DashboardRefs {
  abc: PreloadedQueryRef<DashboardRouteQuery, DashboardRouteQueryVariables>;
  risk: PreloadedQueryRef<DashboardRiskQuery, DashboardRiskQueryVariables>;
  riskChoices: PreloadedQueryRef<DashboardRiskChoicesQuery, DashboardRiskChoicesQueryVariables>;
  coverage: PreloadedQueryRef<DashboardCoverageQuery, DashboardCoverageQueryVariables>;
  coverageList: PreloadedQueryRef<DashboardCoverageListQuery, DashboardCoverageListQueryVariables>;
  composition: CompositionRef;
  team: PreloadedQueryRef<DashboardTeamQuery, DashboardTeamQueryVariables>;
  wallet: CompetitorWalletRef;
}

/**
 * `/dashboard`, 抓两头放中间: the few customers that make most of the revenue (classes, Pareto,
 * movements, top customers) and the customers at risk, for the period in the URL.
 */
export function DashboardRoute() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [params, setParams] = useSearchParams();
  const refs = useLoaderData<DashboardRefs>();
  const abc = useReadQuery(refs.abc).data.abcClassification;
  const period = readPeriod(params.get('period'));
  const set = (name: string, value: string) => setParams(withParam(params, name, value), { replace: true });
  const range = `${abc.from}_${abc.to}`;

  return (
    <div className="dashboard">
      <div className="dashboard__head">
        <div>
          <h1>{t('dashboard.title')}</h1>
          <p className="muted">
            {t('dashboard.range', { from: formatDate(abc.from, language), to: formatDate(abc.to, language) })}
            {' · '}
            {t('dashboard.totalRevenue', { amount: formatMoney(abc.totalRevenue as `${number}`, language) })}
          </p>
        </div>
        <PeriodPicker period={period} onChange={(p) => set('period', periodParam(p))} />
      </div>

      <section aria-labelledby="dashboard-abc">
        <h2 id="dashboard-abc">{t('dashboard.classes')}</h2>
        <AbcCards classes={abc.classes} linked={period.kind === 'last12'} />
        {period.kind !== 'last12' && <p className="muted">{t('dashboard.listUsesDefault')}</p>}
        <ParetoChart abc={abc} />
      </section>

      <section aria-labelledby="dashboard-top">
        <h2 id="dashboard-top">{t('dashboard.top')}</h2>
        <RankedCustomers
          caption={t('dashboard.top')}
          rows={abc.customers.nodes}
          fileName={`top-customers_${range}`}
        />
      </section>

      <section aria-labelledby="dashboard-movements">
        <h2 id="dashboard-movements">{t('dashboard.movements')}</h2>
        <MovementMatrix movements={abc.movements} range={range} />
        <Movers abc={abc} range={range} />
      </section>

      <RiskSection
        queryRef={refs.risk}
        choicesRef={refs.riskChoices}
        minLevel={readMinLevel(params.get('risk'))}
        onLevel={(level) => set('risk', level === RiskLevel.LOW ? '' : level)}
        filters={{
          signal: params.get('signal') ?? '',
          owner: params.get('owner') ?? '',
          region: params.get('region') ?? '',
        }}
        onFilter={set}
      />

      <CoverageSection summaryRef={refs.coverage} listRef={refs.coverageList} />

      <CompositionSection queryRef={refs.composition} period={abc} onBy={(by) => set('by', by)} />
      <TeamSection queryRef={refs.team} range={range} />
      <CompetitorWalletSection queryRef={refs.wallet} />
      <SatisfactionPanel />
    </div>
  );
}

interface RiskSectionProps {
  queryRef: DashboardRefs['risk'];
  choicesRef: DashboardRefs['riskChoices'];
  minLevel: RiskLevel;
  onLevel: (level: RiskLevel) => void;
  filters: { signal: string; owner: string; region: string };
  onFilter: (name: 'signal' | 'owner' | 'region', value: string) => void;
}

/** The risk table with its filters; reads its own query, so a new filter leaves the rest alone. */
function RiskSection({ queryRef, choicesRef, minLevel, onLevel, filters, onFilter }: RiskSectionProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { data, fetchMore } = usePagedQuery(queryRef);
  const { riskCustomers } = data;
  const choices = useReadQuery(choicesRef).data;
  // In a transition, so the rows shown stay on screen while the next page arrives.
  const [loadingMore, startTransition] = useTransition();
  const { hasNextPage, endCursor } = riskCustomers.pageInfo;
  const loadMore = () =>
    startTransition(async () => {
      await fetchMore({ variables: { after: endCursor } });
    });
  return (
    <section aria-labelledby="dashboard-risk">
      <div className="dashboard__section-head">
        <h2 id="dashboard-risk">{t('dashboard.risk')}</h2>
        <RiskLevelFilter value={minLevel} onChange={onLevel} />
        <RiskFilters values={filters} choices={choices} onChange={onFilter} />
        <p className="muted" role="status">
          {t('dashboard.shownOf', {
            shown: formatNumber(riskCustomers.nodes.length, language),
            n: formatNumber(riskCustomers.totalCount, language),
          })}
        </p>
      </div>
      {riskCustomers.nodes.length === 0 ? (
        <p className="muted">{t('dashboard.noRisk')}</p>
      ) : (
        <RiskCustomers rows={riskCustomers.nodes} fileName={`risk-customers_${minLevel}`} />
      )}
      {hasNextPage && (
        <button type="button" className="button button--secondary" disabled={loadingMore} onClick={loadMore}>
          {t('dashboard.showMore')}
        </button>
      )}
    </section>
  );
}

function PeriodPicker({ period, onChange }: { period: Period; onChange: (period: Period) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const today = new Date().toISOString().slice(0, 10);
  const name = (p: Period) =>
    p.kind === 'year'
      ? t('dashboard.year', { year: p.year })
      : p.kind === 'quarter'
        ? t('dashboard.quarter', { year: p.year, quarter: p.quarter })
        : t('dashboard.last12');
  return (
    <div className="field">
      <label htmlFor={id}>{t('dashboard.period')}</label>
      <select id={id} value={periodParam(period)} onChange={(e) => onChange(readPeriod(e.target.value))}>
        {periodChoices(today, period).map((p) => (
          <option key={periodParam(p)} value={periodParam(p)}>
            {name(p)}
          </option>
        ))}
      </select>
    </div>
  );
}

function RiskLevelFilter({ value, onChange }: { value: RiskLevel; onChange: (level: RiskLevel) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('dashboard.minLevel')}</label>
      <select id={id} value={value} onChange={(e) => onChange(readMinLevel(e.target.value))}>
        {RISK_FILTER_LEVELS.map((level) => (
          <option key={level} value={level}>
            {label(riskLevelLabels, level)}
          </option>
        ))}
      </select>
    </div>
  );
}
