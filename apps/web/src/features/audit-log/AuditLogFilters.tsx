import { AuditEvent, auditEventLabels } from '@dossier/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditLogChoicesQuery } from '../../apollo/generated';
import { useLabel } from '../../i18n';
import type { AuditParams } from './auditParams';

interface Props {
  values: AuditParams;
  staff: AuditLogChoicesQuery['staffMembers']['nodes'];
  onChange: (name: keyof AuditParams, value: string) => void;
}

/** Event, person and days of the audit log, each kept in the URL; an empty choice means any. */
export function AuditLogFilters({ values, staff, onChange }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const id = useId();
  return (
    <search className="filters">
      <div className="field">
        <label htmlFor={`${id}-event`}>{t('auditLog.event')}</label>
        <select id={`${id}-event`} value={values.event} onChange={(e) => onChange('event', e.target.value)}>
          <option value="">{t('auditLog.anyEvent')}</option>
          {Object.values(AuditEvent).map((event) => (
            <option key={event} value={event}>
              {label(auditEventLabels, event)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-staff`}>{t('auditLog.staff')}</label>
        <select id={`${id}-staff`} value={values.staff} onChange={(e) => onChange('staff', e.target.value)}>
          <option value="">{t('auditLog.anyone')}</option>
          {staff.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('auditLog.from')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={values.from}
          max={values.to || undefined}
          onChange={(e) => onChange('from', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('auditLog.to')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={values.to}
          min={values.from || undefined}
          onChange={(e) => onChange('to', e.target.value)}
        />
      </div>
    </search>
  );
}
