import { addMonths, CreditRating, creditRatingLabels } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../i18n';
import { Field } from '../forms/Field';
import { FormDialog } from '../forms/FormDialog';
import { localToday } from '../forms/localToday';
import { MutationError } from '../forms/MutationError';
import { useSubmit } from '../forms/useSubmit';
import { useRecordCreditReport } from './useRecordCreditReport';

const FIELDS = ['reportedAt', 'validUntil', 'rating', 'recommendedLimit', 'summary'] as const;

export function RecordCreditReportForm({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [record, { loading }] = useRecordCreditReport();
  const { submit, error, fieldError } = useSubmit(onClose);
  const [reportedAt, setReportedAt] = useState(localToday);
  // Reports are valid for 3 to 12 months; a rep shortens the default when the analyst did.
  const [validUntil, setValidUntil] = useState(() => addMonths(localToday(), 12));
  const [rating, setRating] = useState<CreditRating>(CreditRating.A);
  const [recommendedLimit, setRecommendedLimit] = useState('');
  const [summary, setSummary] = useState('');

  return (
    <FormDialog
      title={t('credit.record')}
      submitting={loading}
      onClose={onClose}
      onSubmit={() =>
        submit(() =>
          record({
            customerId,
            reportedAt,
            validUntil,
            rating,
            recommendedLimit: recommendedLimit.trim() || null,
            summary: summary.trim() || null,
          }),
        )
      }
    >
      <Field label={t('credit.reportedAt')} error={fieldError('reportedAt')}>
        {(control) => (
          <input
            {...control}
            type="date"
            required
            value={reportedAt}
            onChange={(e) => setReportedAt(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('credit.validUntil')} error={fieldError('validUntil')}>
        {(control) => (
          <input
            {...control}
            type="date"
            required
            value={validUntil}
            onChange={(e) => setValidUntil(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('credit.rating')} error={fieldError('rating')}>
        {(control) => (
          <select {...control} value={rating} onChange={(e) => setRating(e.target.value as CreditRating)}>
            {Object.values(CreditRating).map((value) => (
              <option key={value} value={value}>
                {label(creditRatingLabels, value)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('credit.recommendedLimit')} error={fieldError('recommendedLimit')}>
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            value={recommendedLimit}
            onChange={(e) => setRecommendedLimit(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('credit.summary')} error={fieldError('summary')}>
        {(control) => <textarea {...control} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <MutationError error={error} fields={FIELDS} />
    </FormDialog>
  );
}
