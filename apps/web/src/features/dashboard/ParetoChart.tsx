import { AbcClass, abcClassLabels } from '@dossier/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardRouteQuery } from '../../apollo/generated';
import { formatPercent, useLabel, useLanguage } from '../../i18n';
import { EChart } from './EChart';
import { paretoBands, paretoOption } from './pareto';

type Abc = DashboardRouteQuery['abcClassification'];

/** Revenue over the ranked customers with the A, B and C bands, and the same bands as a table. */
export function ParetoChart({ abc }: { abc: Pick<Abc, 'pareto' | 'classes'> }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [language] = useLanguage();
  const { pareto, classes } = abc;
  const option = useMemo(
    () =>
      paretoOption(pareto, classes, {
        customers: t('dashboard.paretoCustomers'),
        slice: t('dashboard.paretoSlice'),
        cumulative: t('dashboard.paretoCumulative'),
        classes: {
          [AbcClass.A]: label(abcClassLabels, AbcClass.A),
          [AbcClass.B]: label(abcClassLabels, AbcClass.B),
          [AbcClass.C]: label(abcClassLabels, AbcClass.C),
        },
      }),
    [pareto, classes, t, label],
  );
  const bands = paretoBands(classes);
  const percent = (fraction: number) => formatPercent(fraction, language);
  return (
    <figure className="pareto">
      <EChart option={option} label={t('dashboard.pareto')} />
      <figcaption className="muted">
        {t('dashboard.paretoHow', { bars: Math.max(pareto.length - 1, 0) })}
      </figcaption>
      <table className="pareto__bands">
        <caption className="visually-hidden">{t('dashboard.bands')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.class')}</th>
            <th scope="col">{t('dashboard.bandCustomers')}</th>
            <th scope="col">{t('dashboard.share')}</th>
          </tr>
        </thead>
        <tbody>
          {bands.map((band) => (
            <tr key={band.class} data-class={band.class}>
              <th scope="row">{label(abcClassLabels, band.class)}</th>
              <td>{t('dashboard.bandRange', { from: percent(band.from), to: percent(band.to) })}</td>
              <td>{percent(band.revenueShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
