import { abcClassLabels, customerTierLabels, riskLevelLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import type { DossierHeader_CustomerFragment } from '../../apollo/generated';
import { useLabel } from '../../i18n';

export function DossierHeader({ customer }: { customer: DossierHeader_CustomerFragment }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <header className="dossier__header">
      <div>
        <h1>{customer.name}</h1>
        <p className="muted">
          {customer.code} ·{' '}
          {t('dossierPage.owner', { name: customer.owner?.name ?? t('dossierPage.noOwner') })}
        </p>
      </div>
      <ul className="chips" aria-label={t('dossierPage.classes')}>
        <li className="chip">{label(customerTierLabels, customer.tier)}</li>
        <li className="chip">{label(abcClassLabels, customer.abc.class)}</li>
        <li className="chip">{label(riskLevelLabels, customer.risk.level)}</li>
      </ul>
    </header>
  );
}
