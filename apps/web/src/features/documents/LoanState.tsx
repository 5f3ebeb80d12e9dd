import { LoanStatus, loanApprovalLabels, loanStatusLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import type { MyLoan_LoanFragment } from '../../apollo/generated';
import { useLabel } from '../../i18n';
import { MutationError } from '../dossier/forms/MutationError';
import { useFormat } from '../dossier/forms/useFormat';
import { useReturnLoan } from './useLoanMutations';

/** The viewer's own open loan of a document: awaiting whose approval, or out until when, with its return. */
export function LoanState({ loan }: { loan: MyLoan_LoanFragment }) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const [returnLoan, { loading, error }] = useReturnLoan();
  if (loan.status === LoanStatus.REQUESTED) {
    return (
      <span role="status">
        {t('documents.awaiting', { approval: label(loanApprovalLabels, loan.approval) })}
      </span>
    );
  }
  if (loan.status !== LoanStatus.ON_LOAN && loan.status !== LoanStatus.EXPIRED) return null;
  return (
    <>
      <span role="status">
        {t('documents.loanUntil', {
          status: label(loanStatusLabels, loan.status),
          due: loan.dueAt ? format.dateTime(loan.dueAt) : '—',
        })}
      </span>
      <button
        type="button"
        className="button button--secondary"
        disabled={loading}
        onClick={() => returnLoan(loan).catch(() => undefined)}
      >
        {t('documents.return')}
      </button>
      <MutationError error={error} fields={[]} />
    </>
  );
}
