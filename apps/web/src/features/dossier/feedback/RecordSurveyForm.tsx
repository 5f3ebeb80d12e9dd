import { useTranslation } from 'react-i18next';
import { localToday } from '../forms/localToday';
import { SurveyForm } from './SurveyForm';
import { useRecordSatisfactionSurvey } from './useFeedbackMutations';

/** A survey taken with the customer, on today's date unless the rep picks another. */
export function RecordSurveyForm({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [record, { loading }] = useRecordSatisfactionSurvey();
  return (
    <SurveyForm
      title={t('survey.record')}
      initialDay={localToday()}
      submitting={loading}
      save={(values) => record({ customerId, ...values })}
      onClose={onClose}
    />
  );
}
