import { abcClassLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardRouteQuery } from '../../apollo/generated';
import { formatMoney, formatNumber, formatPercent, useLabel, useLanguage } from '../../i18n';

type Classes = DashboardRouteQuery['abcClassification']['classes'];

/**
 * Customers, revenue and share per class. The customer list filters by each customer's class in
 * the default period, so a card opens the list only when the dashboard shows that period.
 */
export function AbcCards({ classes, linked }: { classes: Classes; linked: boolean }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [language] = useLanguage();
  return (
    <ul className="abc-cards" aria-label={t('dashboard.classes')}>
      {classes.map((c) => {
        const body = (
          <>
            <span className="abc-card__class">{label(abcClassLabels, c.class)}</span>
            <span className="abc-card__figure">
              {t('dashboard.classCustomers', { n: formatNumber(c.customers, language) })}
            </span>
            <span>{formatMoney(c.revenue as `${number}`, language)}</span>
            <span className="muted">
              {t('dashboard.classShare', { share: formatPercent(c.share, language) })}
            </span>
          </>
        );
        return (
          <li key={c.class} className={`abc-card abc-card--${c.class}`} data-class={c.class}>
            {linked ? (
              <Link to={`/customers?abc=${c.class}`} className="abc-card__link">
                {body}
              </Link>
            ) : (
              <div className="abc-card__link">{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
