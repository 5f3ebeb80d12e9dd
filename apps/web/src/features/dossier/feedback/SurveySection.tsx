import { surveyAspectLabels } from '@dossier/domain';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyTrend_SurveyFragment } from '../../../apollo/generated';
import { useLabel, useLanguage } from '../../../i18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useFormat } from '../forms/useFormat';
import { CorrectSurveyForm } from './CorrectSurveyForm';
import { RecordSurveyForm } from './RecordSurveyForm';
import { SurveyRowActions } from './SurveyRowActions';
import { surveyTrendOption, trendSeries } from './surveyTrend';
import { useDeleteSatisfactionSurvey } from './useFeedbackMutations';

// ECharts is fetched after the tab's list is on screen: the chart is the only heavy part of the tab.
const EChart = lazy(() => import('../../dashboard/EChart').then((m) => ({ default: m.EChart })));

/**
 * Satisfaction surveys (客户满意度调查): the trend per aspect as a chart and as a table, a new one, and
 * for a writer each row's correction or deletion.
 */
export function SurveySection({
  customerId,
  surveys,
  mayEdit,
}: {
  customerId: string;
  surveys: readonly SurveyTrend_SurveyFragment[];
  mayEdit: boolean;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const [language] = useLanguage();
  const [recording, setRecording] = useState(false);
  // By id: after a conflict the list is read again, and the form must see the survey as saved now.
  const [correctingId, setCorrectingId] = useState<string | null>(null);
  const correcting = surveys.find((survey) => survey.id === correctingId);
  const [remove, removal] = useDeleteSatisfactionSurvey(customerId);
  const option = useMemo(() => surveyTrendOption(surveys, language), [surveys, language]);

  return (
    <section className="survey-section" aria-labelledby="survey-heading">
      <header className="dossier-tab__header">
        <h3 id="survey-heading">{t('survey.heading')}</h3>
        {mayEdit && (
          <button
            type="button"
            className="button"
            aria-expanded={recording}
            onClick={() => setRecording(true)}
          >
            {t('survey.record')}
          </button>
        )}
      </header>
      {recording && <RecordSurveyForm customerId={customerId} onClose={() => setRecording(false)} />}
      {correcting && (
        <CorrectSurveyForm
          key={correcting.id}
          customerId={customerId}
          survey={correcting}
          onClose={() => setCorrectingId(null)}
        />
      )}
      {removal.error && <ErrorMessage error={removal.error} />}
      {surveys.length === 0 ? (
        <p className="muted">{t('survey.empty')}</p>
      ) : (
        <>
          <Suspense fallback={null}>
            <EChart option={option} label={t('survey.trend')} />
          </Suspense>
          <table className="table">
            <caption>{t('survey.trend')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('survey.surveyedOn')}</th>
                {trendSeries(surveys).map(({ aspect }) => (
                  <th key={aspect} scope="col">
                    {label(surveyAspectLabels, aspect)}
                  </th>
                ))}
                <th scope="col">{t('survey.comment')}</th>
                {mayEdit && <th scope="col">{t('survey.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {surveys.map((survey, i) => (
                <tr key={survey.id}>
                  <td>{format.date(survey.surveyedOn)}</td>
                  {trendSeries(surveys).map(({ aspect, scores }) => (
                    <td key={aspect} className="amount">
                      {scores[i]}
                    </td>
                  ))}
                  <td>{survey.comment}</td>
                  {mayEdit && (
                    <td>
                      <SurveyRowActions
                        survey={survey}
                        onCorrect={() => setCorrectingId(survey.id)}
                        onDelete={() => {
                          // A refusal is shown above the table, and the row comes back.
                          remove(survey).catch(() => undefined);
                        }}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
