import { isKeeper, LoanStatus, loanApprovalLabels, loanStatusLabels, type StaffRole } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LoanRow_LoanFragment } from '../../apollo/generated';
import { useLabel } from '../../i18n';
import { MutationError } from '../dossier/forms/MutationError';
import { useFormat } from '../dossier/forms/useFormat';
import { LevelBadge } from './LevelBadge';
import { useDecideLoan, useReturnLoan } from './useLoanMutations';

interface LoanRowProps {
  loan: LoanRow_LoanFragment;
  viewer: { id: string; role: StaffRole };
}

/** One entry of the loan register (借阅登记): who, what, when, approved by, returned when. */
export function LoanRow({ loan, viewer }: LoanRowProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const [decide, decision] = useDecideLoan();
  const [returnLoan, giveBack] = useReturnLoan();
  const out = loan.status === LoanStatus.ON_LOAN || loan.status === LoanStatus.EXPIRED;
  // The server lets the borrower or a keeper register the return.
  const mayReturn = out && (loan.borrower.id === viewer.id || isKeeper(viewer.role));
  const busy = decision.loading || giveBack.loading;
  const ignore = () => undefined;
  const { document } = loan;

  return (
    <tr>
      <th scope="row">
        <Link to={`/customers/${encodeURIComponent(document.customer.id)}/documents`}>{document.title}</Link>
        <span className="sub">{document.customer.name}</span>
        <LevelBadge level={document.level} />
      </th>
      <td>{loan.borrower.name}</td>
      <td>{format.dateTime(loan.createdAt)}</td>
      <td>
        {label(loanApprovalLabels, loan.approval)}
        <span className="sub">{t('loans.hours', { hours: loan.hours })}</span>
      </td>
      <td>
        {label(loanStatusLabels, loan.status)}
        {loan.dueAt && out && (
          <span className="sub">{t('loans.due', { at: format.dateTime(loan.dueAt) })}</span>
        )}
        {loan.returnedAt && (
          <span className="sub">{t('loans.returnedAt', { at: format.dateTime(loan.returnedAt) })}</span>
        )}
      </td>
      <td>{loan.decidedBy?.name ?? '—'}</td>
      <td>
        <div className="document-actions">
          {loan.mayDecide && (
            <>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => decide(loan, true).catch(ignore)}
              >
                {t('loans.approve')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => decide(loan, false).catch(ignore)}
              >
                {t('loans.refuse')}
              </button>
            </>
          )}
          {mayReturn && (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => returnLoan(loan).catch(ignore)}
            >
              {t('documents.return')}
            </button>
          )}
        </div>
        <MutationError error={decision.error ?? giveBack.error} fields={[]} />
      </td>
    </tr>
  );
}
