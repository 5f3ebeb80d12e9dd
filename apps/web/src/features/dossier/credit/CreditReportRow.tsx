import { creditRatingLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import type { CreditReportRow_ReportFragment } from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import { useFormat } from '../forms/useFormat';

export function CreditReportRow({ report }: { report: CreditReportRow_ReportFragment }) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  return (
    <tr className={report.expired ? 'row--expired' : undefined}>
      <td>{format.date(report.reportedAt)}</td>
      <td>
        {format.date(report.validUntil)}
        {report.expired && (
          <>
            {' '}
            <span className="badge badge--danger">{t('credit.expired')}</span>
          </>
        )}
      </td>
      <td>{label(creditRatingLabels, report.rating)}</td>
      <td className="amount">{report.recommendedLimit ? format.money(report.recommendedLimit) : '—'}</td>
      <td>{report.summary}</td>
      <td>{report.author?.name}</td>
    </tr>
  );
}
