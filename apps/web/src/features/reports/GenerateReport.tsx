import { useMutation, useQuery } from '@apollo/client/react';
import { StaffRole } from '@dossier/domain';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GenerateMonthlyReportDocument, ReportTeamsDocument } from '../../apollo/generated';
import { MutationError } from '../dossier/forms/MutationError';

/** The month before `today` (YYYY-MM-DD): the newest month a report can be made of. */
export function lastClosedMonth(today: string): string {
  const [year = 0, month = 1] = today.split('-').map(Number);
  const index = year * 12 + month - 2;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const COMPANY = '';

/**
 * Generates a past month's report on demand (or renders it again: its figures stay the first ones). An
 * admin chooses the company or any manager's team; a manager generates their own team's.
 */
export function GenerateReport({
  viewer,
  today,
}: {
  viewer: { id: string; role: StaffRole };
  today: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const isAdmin = viewer.role === StaffRole.ADMIN;
  const newest = lastClosedMonth(today);
  const [month, setMonth] = useState(newest);
  const [team, setTeam] = useState(isAdmin ? COMPANY : viewer.id);
  const teams = useQuery(ReportTeamsDocument, { skip: !isAdmin });
  const [generate, { loading, error, data }] = useMutation(GenerateMonthlyReportDocument, {
    refetchQueries: ['MonthlyReports'],
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    generate({ variables: { month, teamManagerId: team === COMPANY ? null : team } }).catch(() => undefined);
  }

  return (
    <form className="staff-admin__actions reports__generate" onSubmit={submit}>
      <label htmlFor={`${id}-month`}>{t('reports.month')}</label>
      <input
        id={`${id}-month`}
        type="month"
        value={month}
        max={newest}
        onChange={(event) => setMonth(event.target.value)}
        required
      />
      {isAdmin && (
        <>
          <label htmlFor={`${id}-scope`}>{t('reports.scope')}</label>
          <select id={`${id}-scope`} value={team} onChange={(event) => setTeam(event.target.value)}>
            <option value={COMPANY}>{t('reports.company')}</option>
            {(teams.data?.staffMembers.nodes ?? []).map((manager) => (
              <option key={manager.id} value={manager.id}>
                {t('reports.team', { name: manager.name })}
              </option>
            ))}
          </select>
        </>
      )}
      <button type="submit" className="button" disabled={loading || month === ''}>
        {t(loading ? 'reports.generating' : 'reports.generate')}
      </button>
      <MutationError error={error} fields={[]} />
      {data && !loading && (
        <p role="status">{t('reports.generated', { month: data.generateMonthlyReport.month })}</p>
      )}
    </form>
  );
}
