import { SURVEY_ASPECTS, SURVEY_SCORES, type SurveyAspect, surveyAspectLabels } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../i18n';
import { Field } from '../forms/Field';
import { FormDialog } from '../forms/FormDialog';
import { localToday } from '../forms/localToday';
import { MutationError } from '../forms/MutationError';
import { useSubmit } from '../forms/useSubmit';
import { ChoiceButtons } from './ChoiceButtons';
import { useRecordSatisfactionSurvey } from './useFeedbackMutations';

const FIELDS = [
  'surveyedOn',
  'productScore',
  'deliveryScore',
  'serviceScore',
  'priceScore',
  'comment',
] as const;

/** A survey taken with the customer: a tap on 1–5 per aspect (big targets), the day, a comment. */
export function RecordSurveyForm({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [record, { loading }] = useRecordSatisfactionSurvey();
  const { submit, error, fieldError } = useSubmit(onClose);
  const [surveyedOn, setSurveyedOn] = useState(localToday);
  const [scores, setScores] = useState<Partial<Record<SurveyAspect, number>>>({});
  const [comment, setComment] = useState('');

  return (
    <FormDialog
      title={t('survey.record')}
      submitting={loading}
      onClose={onClose}
      onSubmit={() =>
        submit(() =>
          record({
            customerId,
            surveyedOn,
            // An aspect not tapped is sent as 0, which the server refuses on that aspect's field.
            productScore: scores.PRODUCT ?? 0,
            deliveryScore: scores.DELIVERY ?? 0,
            serviceScore: scores.SERVICE ?? 0,
            priceScore: scores.PRICE ?? 0,
            comment: comment.trim() || null,
          }),
        )
      }
    >
      {SURVEY_ASPECTS.map((aspect) => (
        <div key={aspect}>
          <ChoiceButtons
            legend={t('survey.scoreOf', { aspect: label(surveyAspectLabels, aspect) })}
            values={SURVEY_SCORES}
            labelOf={String}
            value={scores[aspect] ?? null}
            onChange={(score) => setScores((current) => ({ ...current, [aspect]: score }))}
          />
          {fieldError(`${aspect.toLowerCase()}Score`) && (
            <p className="field__error">{fieldError(`${aspect.toLowerCase()}Score`)}</p>
          )}
        </div>
      ))}
      <Field label={t('survey.surveyedOn')} error={fieldError('surveyedOn')}>
        {(control) => (
          <input
            {...control}
            type="date"
            required
            value={surveyedOn}
            onChange={(e) => setSurveyedOn(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('survey.comment')} error={fieldError('comment')}>
        {(control) => <textarea {...control} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <MutationError error={error} fields={FIELDS} />
    </FormDialog>
  );
}
