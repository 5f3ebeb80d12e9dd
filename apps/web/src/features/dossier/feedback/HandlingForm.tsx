import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackCard_FeedbackFragment } from '../../../apollo/generated';
import { Field } from '../forms/Field';
import { FormDialog } from '../forms/FormDialog';
import { MutationError } from '../forms/MutationError';
import { useSubmit } from '../forms/useSubmit';
import { useCloseFeedback, useUpdateFeedbackHandling } from './useFeedbackMutations';

const FIELDS = ['handlingPlan', 'result'] as const;

/** The handling plan and result; `closing` closes the feedback with the result instead (it needs one). */
export function HandlingForm({
  customerId,
  feedback,
  closing,
  onClose,
}: {
  customerId: string;
  feedback: FeedbackCard_FeedbackFragment;
  closing: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [update, updating] = useUpdateFeedbackHandling(customerId);
  const [close, closingNow] = useCloseFeedback(customerId);
  const { submit, error, fieldError } = useSubmit(onClose);
  const [handlingPlan, setHandlingPlan] = useState(feedback.handlingPlan ?? '');
  const [result, setResult] = useState(feedback.result ?? '');

  return (
    <FormDialog
      title={t(closing ? 'feedback.closeTitle' : 'feedback.editHandling')}
      submitting={updating.loading || closingNow.loading}
      onClose={onClose}
      onSubmit={() =>
        submit(() =>
          closing
            ? close(feedback, result)
            : update(feedback, { handlingPlan: handlingPlan || null, result: result || null }),
        )
      }
    >
      {!closing && (
        <Field label={t('feedback.handlingPlan')} error={fieldError('handlingPlan')}>
          {(control) => (
            <textarea {...control} value={handlingPlan} onChange={(e) => setHandlingPlan(e.target.value)} />
          )}
        </Field>
      )}
      <Field label={t('feedback.result')} error={fieldError('result')}>
        {(control) => (
          <textarea
            {...control}
            required={closing}
            value={result}
            onChange={(e) => setResult(e.target.value)}
          />
        )}
      </Field>
      <MutationError error={error} fields={FIELDS} />
    </FormDialog>
  );
}
