import { abcClassLabels, riskLevelLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerRow_CustomerFragment } from '../../apollo/generated';
import { useLabel } from '../../i18n';
import { CompletenessBadge } from '../completeness/CompletenessBadge';

/**
 * One customer: who, whose, how much it matters, how risky, how complete its dossier is, and whether we
 * reach its decision makers.
 */
export function CustomerRow({ customer }: { customer: CustomerRow_CustomerFragment }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <li>
      <Link to={`/customers/${encodeURIComponent(customer.id)}/basic`} className="customer-row">
        <span className="customer-row__main">
          <span className="customer-row__name">{customer.name}</span>
          <span className="muted">
            {[customer.code, customer.city, customer.owner?.name].filter(Boolean).join(' · ')}
          </span>
        </span>
        <span className={`chip chip--abc-${customer.abc.class}`} title={t('customers.abc')}>
          {label(abcClassLabels, customer.abc.class)}
        </span>
        <span className={`chip chip--risk-${customer.risk.level}`} title={t('customers.risk')}>
          {label(riskLevelLabels, customer.risk.level)}
        </span>
        <CompletenessBadge score={customer.completeness.score} />
        <CoverageMark coverage={customer.relationshipMap.coverage} />
      </Link>
    </li>
  );
}

type Coverage = CustomerRow_CustomerFragment['relationshipMap']['coverage'];

function CoverageMark({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const gaps = coverage.uncoveredDecisionMakers.length;
  if (coverage.keyPersonCount === 0)
    return <span className="coverage coverage--unmapped">{t('customers.unmapped')}</span>;
  if (gaps === 0) return <span className="coverage coverage--covered">✓ {t('customers.covered')}</span>;
  return <span className="coverage coverage--gaps">! {t('customers.gaps', { count: gaps })}</span>;
}
