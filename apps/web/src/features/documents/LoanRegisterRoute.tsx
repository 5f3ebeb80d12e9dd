import { type PreloadedQueryRef, type PreloadQueryFunction } from '@apollo/client/react';
import { LoanStatus, loanStatusLabels } from '@dossier/domain';
import { useTransition } from 'react';
import { useTranslation } from 'react-i18next';
import { type LoaderFunctionArgs, useLoaderData, useSearchParams } from 'react-router';
import { LoanRegisterDocument, type LoanRegisterQuery } from '../../apollo/generated';
import { usePagedQuery } from '../../apollo/usePagedQuery';
import { useViewer } from '../../app/Shell';
import { useLabel } from '../../i18n';
import { ShowMore } from '../../ui/ShowMore';
import { LoanRow } from './LoanRow';
import { statusesOfParams, toggleStatus } from './loanStatusParams';
import './documents.css';

const variablesOf = (params: URLSearchParams) => {
  const statuses = statusesOfParams(params);
  return statuses.length > 0 ? { statuses } : {};
};

export const loanRegisterLoader =
  (preloadQuery: PreloadQueryFunction) =>
  ({ request }: LoaderFunctionArgs) =>
    preloadQuery(LoanRegisterDocument, { variables: variablesOf(new URL(request.url).searchParams) });

/**
 * `/loans`, the loan register (借阅登记簿), newest request first: keepers see every loan, a manager also
 * those of the staff below, everyone their own. The status filter lives in the URL.
 */
export function LoanRegisterRoute() {
  const { t } = useTranslation();
  const label = useLabel();
  const viewer = useViewer();
  const queryRef = useLoaderData<PreloadedQueryRef<LoanRegisterQuery>>();
  const { data, fetchMore } = usePagedQuery(queryRef);
  const [params, setParams] = useSearchParams();
  const [, startFilter] = useTransition();
  const chosen = statusesOfParams(params);
  const register = data.loanRegister;
  if (!viewer) return null;

  return (
    <section className="archive-page" aria-labelledby="loans-title">
      <div className="archive-page__head">
        <h1 id="loans-title">{t('loans.title')}</h1>
        <fieldset className="status-filter">
          <legend>{t('loans.filter')}</legend>
          {Object.values(LoanStatus).map((status) => (
            <button
              key={status}
              type="button"
              className="button"
              aria-pressed={chosen.includes(status)}
              onClick={() => startFilter(() => setParams(toggleStatus(params, status), { replace: true }))}
            >
              {label(loanStatusLabels, status)}
            </button>
          ))}
        </fieldset>
      </div>
      {register.nodes.length === 0 ? (
        <p className="muted">{t('loans.empty')}</p>
      ) : (
        <table className="archive-table">
          <thead>
            <tr>
              <th scope="col">{t('loans.document')}</th>
              <th scope="col">{t('loans.borrower')}</th>
              <th scope="col">{t('loans.requestedAt')}</th>
              <th scope="col">{t('loans.approval')}</th>
              <th scope="col">{t('loans.status')}</th>
              <th scope="col">{t('loans.decidedBy')}</th>
              <th scope="col">{t('documents.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {register.nodes.map((loan) => (
              <LoanRow key={loan.id} loan={loan} viewer={viewer} />
            ))}
          </tbody>
        </table>
      )}
      <ShowMore pageInfo={register.pageInfo} onMore={(after) => fetchMore({ variables: { after } })}>
        {t('documents.more')}
      </ShowMore>
    </section>
  );
}
