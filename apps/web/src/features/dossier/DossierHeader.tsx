import { useApolloClient } from '@apollo/client/react';
import { abcClassLabels, customerTierLabels, riskLevelLabels } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conflictVersion } from '../../apollo/errors';
import {
  type ChangesSince_ChangeFragment,
  type DossierHeader_CustomerFragment,
  DossierHeaderChangesSinceDocument,
  DossierRouteDocument,
} from '../../apollo/generated';
import { formatDateTime, useLabel, useLanguage } from '../../i18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { isVersionConflict, VersionConflict } from '../../ui/VersionConflict';
import { CompletenessChecklist } from '../completeness/CompletenessChecklist';
import { ChangesSince } from './history/ChangesSince';
import { useMarkReviewed } from './useMarkReviewed';

/** The most changes a refused "mark reviewed" lists; more would bury the notice's buttons. */
const MAX_CHANGES_SHOWN = 5;

export function DossierHeader({ customer }: { customer: DossierHeader_CustomerFragment }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [language] = useLanguage();
  const client = useApolloClient();
  const [markReviewed, saving] = useMarkReviewed();
  // What others changed since the version this user read, kept while the server's refusal is on screen.
  const [refused, setRefused] = useState<
    { theirs: readonly ChangesSince_ChangeFragment[] } | { error: unknown } | null
  >(null);
  const reviewed = (at: string | null) =>
    at ? formatDateTime(at, language) : t('dossierPage.neverReviewed');

  /**
   * The customer's changes since `seen`: every write of it is one version and one change of the basic
   * sheet's history, so the newest (saved − seen) are the ones this user has not seen. Not cached: they
   * are no page of the History tab.
   */
  async function changesSince(seen: number, saved: number | null) {
    const first = Math.min(Math.max((saved ?? seen + 1) - seen, 1), MAX_CHANGES_SHOWN);
    const { data } = await client.query({
      query: DossierHeaderChangesSinceDocument,
      variables: { id: customer.id, first },
      fetchPolicy: 'no-cache',
    });
    return data?.customer?.history.nodes ?? [];
  }

  async function mark() {
    const seen = customer.version;
    try {
      await markReviewed(customer);
      setRefused(null);
    } catch (error) {
      if (!isVersionConflict(error)) return setRefused({ error });
      const [theirs] = await Promise.all([
        // What they changed only explains the refusal: without it the notice still offers reload/reapply.
        changesSince(seen, conflictVersion(error)).catch(() => []),
        client.query({
          query: DossierRouteDocument,
          variables: { id: customer.id },
          fetchPolicy: 'network-only',
        }),
      ]);
      setRefused({ theirs });
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
      <CompletenessChecklist customer={customer} />
      <button
        type="button"
        className="button"
        onClick={mark}
        disabled={saving || !customer.mayEdit}
        aria-describedby={customer.mayEdit ? undefined : 'dossier-read-only'}
      >
        {t('dossierPage.markReviewed')}
      </button>
      {!customer.mayEdit && (
        <p id="dossier-read-only" className="muted dossier__read-only">
          {t('dossierPage.readOnly')}
        </p>
      )}
      {refused && 'theirs' in refused && (
        <VersionConflict busy={saving} fields={[]} onReload={() => setRefused(null)} onReapply={mark}>
          <ChangesSince changes={refused.theirs} />
        </VersionConflict>
      )}
      {refused && 'error' in refused && <ErrorMessage error={refused.error} />}
    </header>
  );
}
