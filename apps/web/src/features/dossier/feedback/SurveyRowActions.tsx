import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyTrend_SurveyFragment } from '../../../apollo/generated';
import { useFormat } from '../forms/useFormat';

/** A survey row's Correct and Delete; a tap on a tablet is easily a slip: deleting asks once more, in place. */
export function SurveyRowActions({
  survey,
  onCorrect,
  onDelete,
}: {
  survey: SurveyTrend_SurveyFragment;
  onCorrect: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [confirming, setConfirming] = useState(false);
  const date = format.date(survey.surveyedOn);
  if (confirming)
    return (
      <fieldset
        className="survey-actions survey-actions--confirm"
        aria-label={t('survey.confirmDelete', { date })}
      >
        <span>{t('survey.confirmDelete', { date })}</span>
        <button type="button" className="button" onClick={onDelete}>
          {t('survey.delete')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
          {t('dossierForm.cancel')}
        </button>
      </fieldset>
    );
  return (
    <span className="survey-actions">
      <button
        type="button"
        className="button button--secondary"
        aria-label={t('survey.correctOf', { date })}
        onClick={onCorrect}
      >
        {t('survey.correct')}
      </button>
      <button
        type="button"
        className="button button--secondary"
        aria-label={t('survey.deleteOf', { date })}
        onClick={() => setConfirming(true)}
      >
        {t('survey.delete')}
      </button>
    </span>
  );
}
