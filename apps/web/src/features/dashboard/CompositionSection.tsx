import { type PreloadedQueryRef, useReadQuery } from '@apollo/client/react';
import { CompositionDimension, compositionDimensionLabels } from '@dossier/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type {
  CompositionSection_SliceFragment,
  DashboardCompositionQuery,
  DashboardCompositionQueryVariables,
} from '../../apollo/generated';
import {
  formatMoney,
  formatNumber,
  formatPercent,
  type PlainMessageKey,
  useLabel,
  useLanguage,
} from '../../i18n';
import { compositionBars, compositionOption, readDimension, sliceLink } from './composition';
import { DataTable, type TableColumn } from './DataTable';
import { EChart } from './EChart';
import { abcInputOf, readPeriod } from './period';
import './composition.css';

type Slice = CompositionSection_SliceFragment;

/** The table's first column: what one slice is. */
const KEY_HEADERS: Record<CompositionDimension, PlainMessageKey> = {
  [CompositionDimension.ABC_CLASS]: 'dashboard.class',
  [CompositionDimension.REGION]: 'dashboard.region',
  [CompositionDimension.PRODUCT]: 'dashboard.product',
  [CompositionDimension.CATEGORY]: 'dashboard.category',
  [CompositionDimension.NATURE]: 'dashboard.nature',
  [CompositionDimension.OWNER]: 'dashboard.owner',
  [CompositionDimension.MONTH]: 'dashboard.month',
};

export type CompositionRef = PreloadedQueryRef<DashboardCompositionQuery, DashboardCompositionQueryVariables>;

/** The section's query from the URL: `by` and the dashboard's `period`. */
export const compositionVariables = (params: URLSearchParams): DashboardCompositionQueryVariables => ({
  by: readDimension(params.get('by')),
  ...abcInputOf(readPeriod(params.get('period'))),
});

interface Props {
  queryRef: CompositionRef;
  onBy: (by: CompositionDimension) => void;
  /** the dashboard's period, first and last day: the customers behind a slice ordered in it */
  period: { from: string; to: string };
}

/** 销售构成: the period's revenue by one dimension, as bars and as a table, each slice opening its customers. */
export function CompositionSection({ queryRef, onBy, period }: Props) {
  const { t } = useTranslation();
  const by = readDimension(useSearchParams()[0].get('by'));
  const label = useLabel();
  const [language] = useLanguage();
  const navigate = useNavigate();
  const slices = useReadQuery(queryRef).data.salesComposition;
  const others = t('dashboard.compositionOthers');
  const option = useMemo(
    () =>
      compositionOption(slices, by, {
        revenue: t('dashboard.revenue'),
        others,
        money: (amount) => formatMoney(amount, language),
      }),
    [slices, by, t, others, language],
  );
  const bars = compositionBars(slices, by, others);
  const openBar = (index: number) => {
    const url = sliceLink(by, bars[index]?.key ?? null, period);
    if (url) navigate(url);
  };
  const dimension = label(compositionDimensionLabels, by);

  const columns: TableColumn<Slice>[] = [
    {
      header: t(KEY_HEADERS[by]),
      value: (s) => s.label,
      render: (s) => {
        const url = sliceLink(by, s.key, period);
        return url ? (
          <Link className="cell-link" to={url}>
            {s.label}
          </Link>
        ) : (
          s.label
        );
      },
    },
    {
      header: t('dashboard.revenue'),
      value: (s) => Number(s.revenue),
      render: (s) => formatMoney(s.revenue as `${number}`, language),
      numeric: true,
    },
    {
      header: t('dashboard.share'),
      value: (s) => s.share,
      render: (s) => formatPercent(s.share, language),
      numeric: true,
    },
    {
      header: t('dashboard.customers'),
      value: (s) => s.customers,
      render: (s) => formatNumber(s.customers, language),
      numeric: true,
    },
    {
      header: t('dashboard.orders'),
      value: (s) => s.orders,
      render: (s) => formatNumber(s.orders, language),
      numeric: true,
    },
  ];

  return (
    <section aria-labelledby="dashboard-composition" className="composition">
      <div className="dashboard__section-head">
        <h2 id="dashboard-composition">{t('dashboard.composition')}</h2>
        <DimensionSwitch value={by} onChange={onBy} />
      </div>
      {slices.length === 0 ? (
        <p className="muted">{t('dashboard.noRevenue')}</p>
      ) : (
        <>
          <figure className="composition__chart">
            <EChart
              option={option}
              label={t('dashboard.compositionChart', { by: dimension })}
              onClick={openBar}
            />
            <figcaption className="muted">{t('dashboard.compositionHow')}</figcaption>
          </figure>
          <DataTable
            caption={t('dashboard.compositionTable', { by: dimension })}
            columns={columns}
            rows={slices}
            rowKey={(s) => s.key}
            fileName={`composition_${by}_${period.from}_${period.to}`}
          />
        </>
      )}
    </section>
  );
}

/** One button per dimension: each a 40 px target, the chosen one pressed. */
function DimensionSwitch({
  value,
  onChange,
}: {
  value: CompositionDimension;
  onChange: (by: CompositionDimension) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <fieldset className="composition__switch">
      <legend className="visually-hidden">{t('dashboard.compositionBy')}</legend>
      {Object.values(CompositionDimension).map((d) => (
        <button
          key={d}
          type="button"
          className="button button--secondary"
          aria-pressed={d === value}
          onClick={() => onChange(d)}
        >
          {label(compositionDimensionLabels, d)}
        </button>
      ))}
    </fieldset>
  );
}
