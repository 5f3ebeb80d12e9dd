import { auditEventLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import type { AuditLogRow_EntryFragment } from '../../apollo/generated';
import { formatTimestamp, useLabel, useLanguage } from '../../i18n';

/** The entry's further facts (`{"before":"SALES_REP","after":"ADMIN"}`) as `before: SALES_REP, after: ADMIN`. */
export function detailText(detail: string): string {
  const facts = JSON.parse(detail) as Record<string, unknown>;
  return Object.entries(facts)
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/** One entry: when (in the business time zone, to the second), who, what, to whom, and from where. */
export function AuditLogRow({ entry, timeZone }: { entry: AuditLogRow_EntryFragment; timeZone: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [language] = useLanguage();
  return (
    <tr>
      <td>
        <time dateTime={entry.at}>{formatTimestamp(entry.at, language, timeZone)}</time>
      </td>
      <td>{entry.actor?.name ?? t('auditLog.noActor')}</td>
      <th scope="row">{label(auditEventLabels, entry.event)}</th>
      {/* A refused sign-in may name no account: the e-mail typed is what there is. */}
      <td>{entry.subject?.name ?? entry.email ?? ''}</td>
      <td className="audit-log__detail">{detailText(entry.detail)}</td>
      <td>{entry.address ?? ''}</td>
    </tr>
  );
}
