import { abcClassLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import type { DashboardRouteQuery } from '../../apollo/generated';
import { formatNumber, useLabel, useLanguage } from '../../i18n';
import { CLASSES, movementMatrix, movementTotals } from './movements';

type Movements = DashboardRouteQuery['abcClassification']['movements'];

/** Customers per (class in the previous period, class now); up and down moves stand out. */
export function MovementMatrix({ movements }: { movements: Movements }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [language] = useLanguage();
  const totals = movementTotals(movements);
  return (
    <div className="movements">
      <p className="movements__totals">
        <span className="moved moved--up">
          {t('dashboard.movedUp', { n: formatNumber(totals.up, language) })}
        </span>
        <span className="moved moved--down">
          {t('dashboard.movedDown', { n: formatNumber(totals.down, language) })}
        </span>
      </p>
      <table className="matrix">
        <caption className="muted">{t('dashboard.movementsHow')}</caption>
        <thead>
          <tr>
            <td />
            {CLASSES.map((to) => (
              <th key={to} scope="col">
                {t('dashboard.now', { class: label(abcClassLabels, to) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {movementMatrix(movements).map((row) => (
            <tr key={row.from ?? 'new'}>
              <th scope="row">
                {row.from === null
                  ? t('dashboard.newCustomers')
                  : t('dashboard.before', { class: label(abcClassLabels, row.from) })}
              </th>
              {row.cells.map((cell) => (
                <td
                  key={cell.to}
                  className={`matrix__cell matrix__cell--${cell.customers > 0 ? cell.direction : 'none'}`}
                >
                  {formatNumber(cell.customers, language)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
