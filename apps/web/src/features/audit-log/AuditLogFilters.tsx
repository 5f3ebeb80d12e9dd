import { AuditEvent, auditEventLabels } from '@dossier/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditLogChoicesQuery } from '../../apollo/generated';
import { useLabel } from '../../i18n';
import { Select } from '../customers/FilterControls';
import type { AuditParams } from './auditParams';

/** A day of the business calendar ('' for none); `min`/`max` keep the range the right way round. */
function DayField({
  label,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  value: string;
  min?: string;
  max?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        min={min || undefined}
        max={max || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

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
      <Select
        id={`${id}-event`}
        label={t('auditLog.event')}
        value={values.event}
        onChange={(v) => onChange('event', v)}
      >
        <option value="">{t('auditLog.anyEvent')}</option>
        {Object.values(AuditEvent).map((event) => (
          <option key={event} value={event}>
            {label(auditEventLabels, event)}
          </option>
        ))}
      </Select>
      <Select
        id={`${id}-staff`}
        label={t('auditLog.staff')}
        value={values.staff}
        onChange={(v) => onChange('staff', v)}
      >
        <option value="">{t('auditLog.anyone')}</option>
        {staff.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </Select>
      <DayField
        label={t('auditLog.from')}
        value={values.from}
        max={values.to}
        onChange={(v) => onChange('from', v)}
      />
      <DayField
        label={t('auditLog.to')}
        value={values.to}
        min={values.from}
        onChange={(v) => onChange('to', v)}
      />
    </search>
  );
}
