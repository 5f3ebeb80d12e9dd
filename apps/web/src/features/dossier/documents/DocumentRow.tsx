import { documentCategoryLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import type { DocumentRow_DocumentFragment, MyLoan_LoanFragment } from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import { LevelBadge } from '../../documents/LevelBadge';
import { LoanRule } from '../../documents/LoanRule';
import { LoanState } from '../../documents/LoanState';
import { useRequestLoan } from '../../documents/useLoanMutations';
import { MutationError } from '../forms/MutationError';
import { useFormat } from '../forms/useFormat';

interface DocumentRowProps {
  document: DocumentRow_DocumentFragment;
  /** The viewer's open loan of it (requested, out or overdue), if any. */
  loan: MyLoan_LoanFragment | undefined;
  /**
   * Whether the viewer's open loans have arrived. Asking to borrow waits for them: the loan it makes
   * joins that list, which an answer still on its way would replace with one that misses it.
   */
  loansKnown: boolean;
  /** Offered to the archive's keepers, who classify: opens the form for its metadata. */
  onEdit: (() => void) | null;
}

/**
 * One filed document with what the viewer may do with it now (the server's `myAccess`): view in place,
 * download on a loan (never SECRET or above), ask to borrow it under its level's rule, or return it.
 */
export function DocumentRow({ document, loan, loansKnown, onEdit }: DocumentRowProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const [requestLoan, request] = useRequestLoan();
  const access = document.myAccess;

  return (
    <tr className={document.pastRetention ? 'row--expired' : undefined}>
      <th scope="row">
        {document.title}
        <span className="sub">{document.fileName}</span>
        {document.project && (
          <span className="sub">{t('documents.underProject', { project: document.project.name })}</span>
        )}
      </th>
      <td>{label(documentCategoryLabels, document.category)}</td>
      <td>
        <LevelBadge level={document.level} />
      </td>
      <td>
        {document.retentionUntil ? format.date(document.retentionUntil) : t('documents.permanent')}
        {document.pastRetention && <span className="sub">{t('documents.pastRetention')}</span>}
      </td>
      <td>
        {document.filedBy.name}
        <span className="sub">{format.dateTime(document.filedAt)}</span>
      </td>
      <td className="amount">{format.bytes(document.size)}</td>
      <td>
        <div className="document-actions">
          {access.view && (
            <a className="button button--secondary" href={document.contentUrl} target="_blank" rel="noopener">
              {t('documents.view')}
            </a>
          )}
          {access.download && (
            <a className="button button--secondary" href={`${document.contentUrl}?download`} download>
              {t('documents.download')}
            </a>
          )}
          {loan && <LoanState loan={loan} />}
          {onEdit && (
            <button type="button" className="button button--secondary" onClick={onEdit}>
              {t('documents.edit')}
            </button>
          )}
          {access.borrow && (
            <button
              type="button"
              className="button"
              disabled={!loansKnown || request.loading}
              onClick={() => requestLoan(document.id).catch(() => undefined)}
            >
              {t('documents.requestLoan')}
            </button>
          )}
        </div>
        <LoanRule level={document.level} category={document.category} />
        <MutationError error={request.error} fields={[]} />
      </td>
    </tr>
  );
}
