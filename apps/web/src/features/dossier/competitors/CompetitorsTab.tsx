import type { PreloadQueryFunction } from '@apollo/client/react';
import { useSuspenseQuery } from '@apollo/client/react';
import { walletLeft } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompetitorsTabDocument, type PresenceRow_PresenceFragment } from '../../../apollo/generated';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import '../forms/dossier-tab.css';
import { useMayEdit } from '../forms/mayEdit';
import './competitors.css';
import { PresenceForm } from './PresenceForm';
import { PresenceRow } from './PresenceRow';
import { useRemovePresence } from './usePresenceMutations';

export function preloadCompetitorsTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(CompetitorsTabDocument, { variables: { customerId } });
}

/** Competitors at the customer (竞争对手状况): who supplies what, their estimated share, how they compare. */
export function CompetitorsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const mayEdit = useMayEdit();
  const [editing, setEditing] = useState<PresenceRow_PresenceFragment | 'new' | null>(null);
  const [remove, removal] = useRemovePresence(customerId);
  const { data } = useSuspenseQuery(CompetitorsTabDocument, { variables: { customerId } });
  const customer = data.customer;
  if (!customer) return null;
  const present = new Set(customer.competitors.map((p) => p.competitor.id));
  const choices = data.competitors.filter((c) => !present.has(c.id));
  // Biggest share first: the competitor most of the wallet goes to leads; unknown shares last.
  const rows = [...customer.competitors].sort(
    (a, b) => Number(b.sharePercent ?? -1) - Number(a.sharePercent ?? -1),
  );

  return (
    <section className="dossier-tab" aria-labelledby="competitors-heading">
      <header className="dossier-tab__header">
        <h2 id="competitors-heading">{t('competitors.heading')}</h2>
        {mayEdit && (
          <button
            type="button"
            className="button"
            aria-expanded={editing === 'new'}
            onClick={() => setEditing('new')}
          >
            {t('competitors.add')}
          </button>
        )}
      </header>
      {rows.length > 0 && (
        <p className="muted">
          {t('competitors.left', { share: walletLeft(rows.map((row) => row.sharePercent)) })}
        </p>
      )}
      {editing && (
        <PresenceForm
          customerId={customer.id}
          choices={choices}
          presence={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {removal.error && <ErrorMessage error={removal.error} />}
      {rows.length === 0 ? (
        <p className="muted">{t('competitors.empty')}</p>
      ) : (
        <ul className="presence-list">
          {rows.map((presence) => (
            <PresenceRow
              key={presence.id}
              presence={presence}
              mayEdit={mayEdit}
              onEdit={() => setEditing(presence)}
              onRemove={() => {
                remove(presence).catch(() => undefined);
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
