import { CustomerSheetLinkState, customerSheetLinkStateLabels } from '@dossier/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetLink_LinkFragment, SheetLinks_CustomerFragment } from '../../apollo/generated';
import { useLabel, useLanguage } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { MutationError } from '../dossier/forms/MutationError';
import { useMayEdit } from '../dossier/forms/mayEdit';
import { ProposalReview, useSheetFieldLabel } from './ProposalReview';
import { SendSheetDialog } from './SendSheetDialog';
import './customer-sheet.css';
import { useRevokeSheetLink } from './useSheetLinkMutations';

/** The links sent to the customer to fill in their own sheet: send one, revoke one, review what came back. */
export function SheetLinks({ customer }: { customer: SheetLinks_CustomerFragment }) {
  const { t } = useTranslation();
  const id = useId();
  const mayEdit = useMayEdit();
  const [sending, setSending] = useState(false);
  return (
    <section className="panel sheet-links-panel" aria-labelledby={`${id}-title`}>
      <div className="panel__head">
        <h2 id={`${id}-title`}>{t('customerSheet.links')}</h2>
        {mayEdit && !sending && (
          <button type="button" className="button" onClick={() => setSending(true)}>
            {t('customerSheet.send')}
          </button>
        )}
      </div>
      {sending && <SendSheetDialog customerId={customer.id} onClose={() => setSending(false)} />}
      {customer.sheetLinks.length === 0 ? (
        <p className="muted">{t('customerSheet.noLinks')}</p>
      ) : (
        <ul className="sheet-links">
          {customer.sheetLinks.map((link) => (
            <SheetLinkItem key={link.id} customerId={customer.id} link={link} mayEdit={mayEdit} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface ItemProps {
  customerId: string;
  link: SheetLink_LinkFragment;
  mayEdit: boolean;
}

function SheetLinkItem({ customerId, link, mayEdit }: ItemProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const [language] = useLanguage();
  const fieldLabel = useSheetFieldLabel();
  const [revoke, { loading, error }] = useRevokeSheetLink(customerId);
  const state = link.state as CustomerSheetLinkState;
  const when = (iso: string) => formatDateTime(iso, language);
  return (
    <li className="sheet-links__item" data-state={state}>
      <div className="sheet-links__line">
        <span className={`chip chip--${state.toLowerCase()}`}>
          {label(customerSheetLinkStateLabels, state)}
        </span>
        <span>
          {t('customerSheet.sentBy', { name: link.createdBy?.name ?? '—', date: when(link.createdAt) })}
        </span>
        {state === CustomerSheetLinkState.OPEN && (
          <span className="muted">{t('customerSheet.expires', { date: when(link.expiresAt) })}</span>
        )}
        {mayEdit && state === CustomerSheetLinkState.OPEN && (
          <button
            type="button"
            className="button button--secondary"
            disabled={loading}
            onClick={() =>
              revoke({ variables: { id: link.id, expectedVersion: link.version } }).catch(() => undefined)
            }
          >
            {t('customerSheet.revoke')}
          </button>
        )}
      </div>
      <MutationError error={error} fields={[]} />
      {link.reviewedAt && link.acceptedFields ? (
        <p className="muted">
          {link.acceptedFields.length > 0
            ? t('customerSheet.accepted', { fields: link.acceptedFields.map(fieldLabel).join(', ') })
            : t('customerSheet.rejected')}{' '}
          · {t('customerSheet.reviewedBy', { name: link.reviewedBy?.name ?? '—' })}
        </p>
      ) : (
        mayEdit &&
        state === CustomerSheetLinkState.SUBMITTED && <ProposalReview customerId={customerId} link={link} />
      )}
    </li>
  );
}
