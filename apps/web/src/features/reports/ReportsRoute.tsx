import { type PreloadedQueryRef, type PreloadQueryFunction, useReadQuery } from '@apollo/client/react';
import { StaffRole } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import { useLoaderData } from 'react-router';
import { MonthlyReportsDocument, type MonthlyReportsQuery } from '../../apollo/generated';
import { useViewer } from '../../app/Shell';
import { GenerateReport } from './GenerateReport';
import { ReportRow } from './ReportRow';
import '../staff-admin/staff-admin.css';
import './reports.css';

export const reportsLoader = (preloadQuery: PreloadQueryFunction) => () =>
  preloadQuery(MonthlyReportsDocument);

/** Who generate reports: admins any, managers their team's (analysts read them). */
const GENERATORS: readonly StaffRole[] = [StaffRole.ADMIN, StaffRole.SALES_MANAGER];

/** Today on the reader's calendar, for the newest month offered; the server checks the month has ended. */
const today = () => new Date().toLocaleDateString('sv');

/** `/reports`: the monthly reports to the leaders (每月汇总报告), by month and scope, with their files. */
export function ReportsRoute() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { data } = useReadQuery(useLoaderData<PreloadedQueryRef<MonthlyReportsQuery>>());
  const reports = data.monthlyReports.nodes;

  return (
    <section className="staff-admin reports" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('reports.title')}</h1>
      <p className="muted">{t('reports.intro')}</p>
      {viewer && GENERATORS.includes(viewer.role) && <GenerateReport viewer={viewer} today={today()} />}
      {reports.length === 0 ? (
        <p className="muted">{t('reports.empty')}</p>
      ) : (
        <table className="staff-admin__table">
          <thead>
            <tr>
              <th scope="col">{t('reports.month')}</th>
              <th scope="col">{t('reports.scope')}</th>
              <th scope="col">{t('reports.generatedAt')}</th>
              <th scope="col">{t('reports.generatedBy')}</th>
              <th scope="col">{t('reports.version')}</th>
              <th scope="col">{t('reports.files')}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((report) => (
              <ReportRow key={report.id} report={report} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
