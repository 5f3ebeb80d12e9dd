import { useTranslation } from 'react-i18next';
import type { ReportRow_ReportFragment } from '../../apollo/generated';
import { formatDateTime, useLanguage } from '../../i18n';

/** One stored report: its month and scope, when it was produced and by whom, and its two files. */
export function ReportRow({ report }: { report: ReportRow_ReportFragment }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const scope = report.teamManager
    ? t('reports.team', { name: report.teamManager.name })
    : t('reports.company');
  const label = `${report.month} ${scope}`;
  return (
    <tr>
      <th scope="row">{report.month}</th>
      <td>{scope}</td>
      <td>
        <time dateTime={report.generatedAt}>{formatDateTime(report.generatedAt, language)}</time>
      </td>
      <td>{report.generatedBy?.name ?? t('reports.schedule')}</td>
      <td>{report.version}</td>
      <td>
        {/* Plain links: the session cookie goes along, and the server's Content-Disposition names the file
            (an empty `download` attribute would make Chromium call it "download"). The flex box sits inside
            the cell: a cell displayed as flex leaves its row's height and border. */}
        <div className="reports__files">
          <a
            className="button button--secondary"
            href={report.pdfUrl}
            aria-label={t('reports.pdfOf', { label })}
          >
            PDF
          </a>
          <a
            className="button button--secondary"
            href={report.xlsxUrl}
            aria-label={t('reports.xlsxOf', { label })}
          >
            XLSX
          </a>
        </div>
      </td>
    </tr>
  );
}
