import { useApolloClient } from '@apollo/client/react';
import { abcClassLabels, customerTierLabels, riskLevelLabels } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DossierHeader_CustomerFragment, DossierRouteDocument } from '../../apollo/generated';
import { formatDateTime, useLabel, useLanguage } from '../../i18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { isVersionConflict, VersionConflict } from '../../ui/VersionConflict';
import { useMarkReviewed } from './useMarkReviewed';

export function DossierHeader({ customer }: { customer: DossierHeader_CustomerFragment }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [language] = useLanguage();
  const client = useApolloClient();
  const [markReviewed, saving] = useMarkReviewed();
  // The moment this user tried to mark the review, kept while the server's refusal is on screen.
  const [refused, setRefused] = useState<{ at: Date } | { error: unknown } | null>(null);
  const reviewed = (at: string | null) =>
    at ? formatDateTime(at, language) : t('dossierPage.neverReviewed');

  async function mark() {
    const at = new Date();
    try {
      await markReviewed(customer, at);
      setRefused(null);
    } catch (error) {
      if (!isVersionConflict(error)) return setRefused({ error });
      await client.query({
        query: DossierRouteDocument,
        variables: { id: customer.id },
        fetchPolicy: 'network-only',
      });
      setRefused({ at });
    }
  }

  return (
    <header className="dossier__header">
      <div className="dossier__title">
        <h1>{customer.name}</h1>
        <p className="muted">
          {customer.code} ·{' '}
          {t('dossierPage.owner', { name: customer.owner?.name ?? t('dossierPage.noOwner') })} ·{' '}
          {customer.reviewedAt
            ? t('dossierPage.reviewed', { date: reviewed(customer.reviewedAt) })
            : t('dossierPage.neverReviewed')}
        </p>
      </div>
      <ul className="chips" aria-label={t('dossierPage.classes')}>
        <li className="chip">{label(customerTierLabels, customer.tier)}</li>
        <li className={`chip chip--abc-${customer.abc.class}`}>
          {label(abcClassLabels, customer.abc.class)}
        </li>
        <li className={`chip chip--risk-${customer.risk.level}`}>
          {label(riskLevelLabels, customer.risk.level)}
        </li>
      </ul>
      <button type="button" className="button" onClick={mark} disabled={saving}>
        {t('dossierPage.markReviewed')}
      </button>
      {refused && 'at' in refused && (
        <VersionConflict
          busy={saving}
          fields={[
            {
              label: t('dossierPage.reviewedField'),
              theirs: reviewed(customer.reviewedAt),
              yours: formatDateTime(refused.at.toISOString(), language),
            },
          ]}
          onReload={() => setRefused(null)}
          onReapply={mark}
        />
      )}
      {refused && 'error' in refused && <ErrorMessage error={refused.error} />}
    </header>
  );
}
