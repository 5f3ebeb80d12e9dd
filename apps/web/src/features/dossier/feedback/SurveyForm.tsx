import { SURVEY_ASPECTS, SURVEY_SCORES, type SurveyAspect, surveyAspectLabels } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyTrend_SurveyFragment } from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import { Field } from '../forms/Field';
import { FormDialog } from '../forms/FormDialog';
import { MutationError } from '../forms/MutationError';
import { useFormat } from '../forms/useFormat';
import { useSubmit } from '../forms/useSubmit';
import { ChoiceButtons } from './ChoiceButtons';
import type { SurveyValues } from './useFeedbackMutations';

const FIELDS = [
  'surveyedOn',
  'productScore',
  'deliveryScore',
  'serviceScore',
  'priceScore',
  'comment',
] as const;

const SCORE = {
  PRODUCT: 'productScore',
  DELIVERY: 'deliveryScore',
  SERVICE: 'serviceScore',
  PRICE: 'priceScore',
} as const satisfies Record<SurveyAspect, (typeof FIELDS)[number]>;

interface SurveyFormProps {
  title: string;
  /** The survey being corrected, as saved now (after a conflict, the other person's values). */
  saved?: SurveyTrend_SurveyFragment;
  initialDay: string;
  submitting: boolean;
  save: (values: SurveyValues) => Promise<unknown>;
  onClose: () => void;
}

/** A survey's form: a tap on 1–5 per aspect (big targets), the day, a comment; new or corrected. */
export function SurveyForm({ title, saved, initialDay, submitting, save, onClose }: SurveyFormProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const { submit, error, fieldError } = useSubmit(onClose);
  const [surveyedOn, setSurveyedOn] = useState(saved?.surveyedOn ?? initialDay);
  const [scores, setScores] = useState<Partial<Record<SurveyAspect, number>>>(() =>
    saved ? Object.fromEntries(SURVEY_ASPECTS.map((aspect) => [aspect, saved[SCORE[aspect]]])) : {},
  );
  const [comment, setComment] = useState(saved?.comment ?? '');
  const values: SurveyValues = {
    surveyedOn,
    // An aspect not tapped is sent as 0, which the server refuses on that aspect's field.
    productScore: scores.PRODUCT ?? 0,
    deliveryScore: scores.DELIVERY ?? 0,
    serviceScore: scores.SERVICE ?? 0,
    priceScore: scores.PRICE ?? 0,
    comment: comment.trim() || null,
  };
  // After a conflict `saved` is what is saved now; saving again goes out at its version.
  const send = () => submit(() => save(values));
  const compared = saved
    ? [
        {
          label: t('survey.surveyedOn'),
          theirs: format.date(saved.surveyedOn),
          yours: format.date(surveyedOn),
        },
        ...SURVEY_ASPECTS.map((aspect) => ({
          label: t('survey.scoreOf', { aspect: label(surveyAspectLabels, aspect) }),
          theirs: String(saved[SCORE[aspect]]),
          yours: String(values[SCORE[aspect]]),
        })),
        { label: t('survey.comment'), theirs: saved.comment ?? '—', yours: values.comment ?? '—' },
      ].filter((field) => field.theirs !== field.yours)
    : [];

  return (
    <FormDialog title={title} submitting={submitting} onClose={onClose} onSubmit={send}>
      {SURVEY_ASPECTS.map((aspect) => (
        <div key={aspect}>
          <ChoiceButtons
            legend={t('survey.scoreOf', { aspect: label(surveyAspectLabels, aspect) })}
            values={SURVEY_SCORES}
            labelOf={String}
            value={scores[aspect] ?? null}
            onChange={(score) => setScores((current) => ({ ...current, [aspect]: score }))}
          />
          {fieldError(SCORE[aspect]) && <p className="field__error">{fieldError(SCORE[aspect])}</p>}
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
      <MutationError
        error={error}
        fields={FIELDS}
        conflict={saved && { fields: compared, onReload: onClose, onReapply: send }}
      />
    </FormDialog>
  );
}
