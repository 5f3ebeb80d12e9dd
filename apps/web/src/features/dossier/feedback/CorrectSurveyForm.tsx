import { useTranslation } from 'react-i18next';
import type { SurveyTrend_SurveyFragment } from '../../../apollo/generated';
import { useFormat } from '../forms/useFormat';
import { SurveyForm } from './SurveyForm';
import { useCorrectSatisfactionSurvey } from './useFeedbackMutations';

/** Corrects a survey's scores, day or comment at the version read (a change made meanwhile is a conflict). */
export function CorrectSurveyForm({
  customerId,
  survey,
  onClose,
}: {
  customerId: string;
  survey: SurveyTrend_SurveyFragment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [correct, { loading }] = useCorrectSatisfactionSurvey(customerId);
  return (
    <SurveyForm
      title={t('survey.correctOf', { date: format.date(survey.surveyedOn) })}
      saved={survey}
      initialDay={survey.surveyedOn}
      submitting={loading}
      save={(values) => correct(survey, values)}
      onClose={onClose}
    />
  );
}
