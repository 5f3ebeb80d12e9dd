import { type PreloadedQueryRef, type PreloadQueryFunction, useReadQuery } from '@apollo/client/react';
import { addDays, weekStartOf } from '@dossier/domain';
import { useId, useTransition } from 'react';
import { useTranslation } from 'react-i18next';
import { type LoaderFunctionArgs, useLoaderData, useSearchParams } from 'react-router';
import { WeeklyCheckDocument, type WeeklyCheckQuery } from '../../apollo/generated';
import { useFormat } from '../dossier/forms/useFormat';
import { WeeklyCheckRow } from './WeeklyCheckRow';
import './weekly-check.css';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The week from `?week=` (any day of it names its Monday); absent, the server's previous week. */
const weekParam = (params: URLSearchParams) => {
  const week = params.get('week');
  return week && ISO_DAY.test(week) ? weekStartOf(week) : null;
};

export const weeklyCheckLoader =
  (preloadQuery: PreloadQueryFunction) =>
  ({ request }: LoaderFunctionArgs) =>
    preloadQuery(WeeklyCheckDocument, { variables: { week: weekParam(new URL(request.url).searchParams) } });

/**
 * `/weekly-check`, for sales managers and admins (客服部主管每周一检查): the dossiers their reps created or
 * changed in a week, the previous one by default, each marked checked with a comment or sent back.
 */
export function WeeklyCheckRoute() {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const { data } = useReadQuery(useLoaderData<PreloadedQueryRef<WeeklyCheckQuery>>());
  const [, setParams] = useSearchParams();
  const [, startChange] = useTransition();
  const list = data.weeklyCheck;
  const show = (week: string) => startChange(() => setParams({ week: weekStartOf(week) }, { replace: true }));

  return (
    <section className="weekly-check" aria-labelledby={`${id}-title`}>
      <div className="weekly-check__head">
        <h1 id={`${id}-title`}>{t('weeklyCheck.title')}</h1>
        <div className="weekly-check__week">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => show(addDays(list.weekStart, -7))}
          >
            {t('weeklyCheck.previousWeek')}
          </button>
          <label htmlFor={`${id}-week`}>{t('weeklyCheck.week')}</label>
          <input
            id={`${id}-week`}
            type="date"
            value={list.weekStart}
            onChange={(event) => event.target.value && show(event.target.value)}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => show(addDays(list.weekStart, 7))}
          >
            {t('weeklyCheck.nextWeek')}
          </button>
        </div>
      </div>
      <p className="muted">
        {t('weeklyCheck.range', { from: format.date(list.weekStart), to: format.date(list.weekEnd) })}
      </p>
      <dl className="weekly-check__counts">
        <div>
          <dt>{t('weeklyCheck.uncheckedCount')}</dt>
          <dd>{list.unchecked}</dd>
        </div>
        <div>
          <dt>{t('weeklyCheck.checkedCount')}</dt>
          <dd>{list.checked}</dd>
        </div>
        <div>
          <dt>{t('weeklyCheck.returnedCount')}</dt>
          <dd>{list.returned}</dd>
        </div>
      </dl>
      {list.rows.length === 0 ? (
        <p className="muted">{t('weeklyCheck.empty')}</p>
      ) : (
        <table className="weekly-check__table">
          <thead>
            <tr>
              <th scope="col">{t('weeklyCheck.customer')}</th>
              <th scope="col">{t('weeklyCheck.rep')}</th>
              <th scope="col">{t('weeklyCheck.whatChanged')}</th>
              <th scope="col">{t('weeklyCheck.state')}</th>
              <th scope="col">{t('weeklyCheck.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <WeeklyCheckRow key={row.customer.id} row={row} weekStart={list.weekStart} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
