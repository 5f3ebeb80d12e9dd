import { documentCategoryLabels } from '@dossier/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RetentionRow_DocumentFragment } from '../../apollo/generated';
import { useLabel } from '../../i18n';
import { MutationError } from '../dossier/forms/MutationError';
import { useFormat } from '../dossier/forms/useFormat';
import { LevelBadge } from './LevelBadge';
import { useApproveDestruction, useDestroyDocument } from './useDestruction';

/**
 * A document past retention. Destruction takes two keepers: one approves, another carries it out; the
 * approver sees the carry-out button disabled, with the reason.
 */
export function RetentionRow({
  document,
  viewerId,
}: {
  document: RetentionRow_DocumentFragment;
  viewerId: string;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const [approve, approval] = useApproveDestruction();
  const [destroy, destruction] = useDestroyDocument();
  const [confirming, setConfirming] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  // The button that asked is gone: focus moves to the confirmation, for keyboards and screen readers.
  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);
  const approver = document.destructionApprovedBy;
  const ignore = () => undefined;
  const busy = approval.loading || destruction.loading;

  return (
    <tr>
      <th scope="row">
        <Link to={`/customers/${encodeURIComponent(document.customer.id)}/documents`}>{document.title}</Link>
        <span className="sub">{document.customer.name}</span>
      </th>
      <td>{label(documentCategoryLabels, document.category)}</td>
      <td>
        <LevelBadge level={document.level} />
      </td>
      <td>{format.date(document.documentDate)}</td>
      <td>{document.retentionUntil ? format.date(document.retentionUntil) : '—'}</td>
      <td>
        {approver && document.destructionApprovedAt ? (
          <>
            {approver.name}
            <span className="sub">{format.dateTime(document.destructionApprovedAt)}</span>
          </>
        ) : (
          t('retention.notApproved')
        )}
      </td>
      <td>
        <div className="document-actions">
          {document.myAccess.approveDestruction && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => approve(document).catch(ignore)}
            >
              {t('retention.approve')}
            </button>
          )}
          {approver && !confirming && (
            <button
              type="button"
              className="button"
              disabled={busy || !document.myAccess.destroy}
              onClick={() => setConfirming(true)}
            >
              {t('retention.destroy')}
            </button>
          )}
          {confirming && (
            <>
              <button
                ref={confirm}
                type="button"
                className="button button--danger"
                disabled={busy}
                onClick={() => destroy(document).catch(ignore)}
              >
                {t('retention.confirmDestroy')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
                {t('dossierForm.cancel')}
              </button>
            </>
          )}
        </div>
        {approver?.id === viewerId && <p className="muted">{t('retention.otherKeeper')}</p>}
        <MutationError error={approval.error ?? destruction.error} fields={[]} />
      </td>
    </tr>
  );
}
