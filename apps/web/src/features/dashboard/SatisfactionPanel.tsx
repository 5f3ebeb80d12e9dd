import { useQuery } from '@apollo/client/react';
import { SatisfactionGrouping, SURVEY_SCORES } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DashboardSatisfactionDocument, type DashboardSatisfactionQuery } from '../../apollo/generated';
import { formatNumber, useLanguage } from '../../i18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { ChoiceButtons } from '../dossier/feedback/ChoiceButtons';
import { DataTable, type TableColumn } from './DataTable';

type Row = DashboardSatisfactionQuery['satisfactionSummary'][number];

/** The five counts as a bar of five parts, each as wide as its share, with the figures as text. */
function Distribution({ counts }: { counts: readonly number[] }) {
  const { t } = useTranslation();
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  const text = SURVEY_SCORES.map((score, i) =>
    t('satisfaction.distributionOf', { score, count: counts[i] ?? 0 }),
  );
  return (
    <span className="satisfaction-bar" role="img" aria-label={text.join(', ')}>
      <span className="satisfaction-bar__track">
        {SURVEY_SCORES.map((score, i) => (
          <span
            key={score}
            className={`satisfaction-bar__part satisfaction-bar__part--${score}`}
            style={{ width: `${((counts[i] ?? 0) * 100) / total}%` }}
          />
        ))}
      </span>
      <span className="satisfaction-bar__counts">{counts.join(' · ')}</span>
    </span>
  );
}

/**
 * Satisfaction on the dashboard: per rep or per region of the viewer's visible customers, the surveys in
 * a date range, their average score and how many scores were 1 … 5.
 */
export function SatisfactionPanel() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [groupBy, setGroupBy] = useState(SatisfactionGrouping.OWNER);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { data, error, loading, refetch } = useQuery(DashboardSatisfactionDocument, {
    variables: { groupBy, from: from || null, to: to || null },
  });
  const byOwner = groupBy === SatisfactionGrouping.OWNER;
  const columns: TableColumn<Row>[] = [
    byOwner
      ? { header: t('satisfaction.rep'), value: (r) => r.owner?.name ?? t('satisfaction.noOwner') }
      : { header: t('satisfaction.region'), value: (r) => r.region ?? t('satisfaction.noRegion') },
    { header: t('satisfaction.surveys'), value: (r) => r.surveys, numeric: true },
    {
      header: t('satisfaction.average'),
      value: (r) => r.average,
      render: (r) => formatNumber(r.average, language),
      numeric: true,
    },
    {
      header: t('satisfaction.distribution'),
      value: (r) => r.distribution.join(' '),
      render: (r) => <Distribution counts={r.distribution} />,
    },
  ];
  const rows = data?.satisfactionSummary ?? [];

  return (
    <section aria-labelledby="dashboard-satisfaction" className="satisfaction-panel">
      <h2 id="dashboard-satisfaction">{t('satisfaction.heading')}</h2>
      <div className="satisfaction-panel__filters">
        <ChoiceButtons
          legend={t('satisfaction.heading')}
          values={[SatisfactionGrouping.OWNER, SatisfactionGrouping.REGION]}
          labelOf={(value) =>
            t(value === SatisfactionGrouping.OWNER ? 'satisfaction.byOwner' : 'satisfaction.byRegion')
          }
          value={groupBy}
          onChange={setGroupBy}
        />
        <label>
          {t('satisfaction.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('satisfaction.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      {error ? (
        <ErrorMessage error={error} onRetry={() => refetch()} />
      ) : loading && !data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p className="muted">{t('satisfaction.empty')}</p>
      ) : (
        <DataTable
          caption={t('satisfaction.heading')}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.owner?.id ?? r.region ?? '-'}
          fileName={t('satisfaction.heading')}
        />
      )}
    </section>
  );
}
