import {
  FeedbackStatus,
  feedbackCategoryLabels,
  feedbackChannelLabels,
  feedbackKindLabels,
  feedbackSeverityLabels,
  feedbackStatusLabels,
} from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackCard_FeedbackFragment } from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import { MutationError } from '../forms/MutationError';
import { useFormat } from '../forms/useFormat';
import { useSubmit } from '../forms/useSubmit';
import { useViewer } from '../forms/useViewer';
import { HandlingForm } from './HandlingForm';
import { useAssignFeedbackHandler, useReopenFeedback } from './useFeedbackMutations';

type Dialog = 'handling' | 'close' | null;

/** One complaint or opinion: what was said, by whom, and its handling; the steps a writer may take. */
export function FeedbackCard({
  customerId,
  feedback,
  mayEdit,
  handlers,
}: {
  customerId: string;
  feedback: FeedbackCard_FeedbackFragment;
  mayEdit: boolean;
  handlers: ReadonlyArray<{ id: string; name: string }>;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const viewer = useViewer();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [assign, assigning] = useAssignFeedbackHandler(customerId);
  const [reopen, reopening] = useReopenFeedback(customerId);
  const step = useSubmit(() => undefined);
  const open = feedback.status === FeedbackStatus.OPEN;

  return (
    <article className={`feedback-card feedback-card--${feedback.status}`} aria-label={feedback.description}>
      <ul className="chips" aria-label={t('feedback.kind')}>
        <li className={`chip chip--feedback-${feedback.status}`}>
          {label(feedbackStatusLabels, feedback.status)}
        </li>
        <li className={`chip chip--feedback-${feedback.kind}`}>{label(feedbackKindLabels, feedback.kind)}</li>
        <li className={`chip chip--severity-${feedback.severity}`}>
          {label(feedbackSeverityLabels, feedback.severity)}
        </li>
        <li className="chip">{label(feedbackCategoryLabels, feedback.category)}</li>
        <li className="chip">{label(feedbackChannelLabels, feedback.channel)}</li>
      </ul>
      <p className="feedback-card__said">{feedback.description}</p>
      <dl className="feedback-card__facts">
        <dt>{t('feedback.receivedAt')}</dt>
        <dd>{format.dateTime(feedback.receivedAt)}</dd>
        <dt>{t('feedback.keyPerson')}</dt>
        <dd>{feedback.keyPerson?.name ?? t('feedback.nobody')}</dd>
        <dt>{t('feedback.handler')}</dt>
        <dd>{feedback.handler?.name ?? t('feedback.noHandler')}</dd>
        {feedback.handlingPlan && (
          <>
            <dt>{t('feedback.handlingPlan')}</dt>
            <dd>{feedback.handlingPlan}</dd>
          </>
        )}
        {feedback.result && (
          <>
            <dt>{t('feedback.result')}</dt>
            <dd>{feedback.result}</dd>
          </>
        )}
        {feedback.closedAt && (
          <>
            <dt>{label(feedbackStatusLabels, FeedbackStatus.CLOSED)}</dt>
            <dd>{t('feedback.closedOn', { date: format.dateTime(feedback.closedAt) })}</dd>
          </>
        )}
      </dl>
      {mayEdit && (
        <div className="feedback-card__actions">
          {open && viewer && feedback.handler?.id !== viewer.id && (
            <button
              type="button"
              className="button button--secondary"
              disabled={assigning.loading}
              onClick={() => step.submit(() => assign(feedback, viewer))}
            >
              {t('feedback.takeOn')}
            </button>
          )}
          {open && (
            <label className="feedback-card__assign">
              {t('feedback.assign')}
              <select
                value={feedback.handler?.id ?? ''}
                disabled={assigning.loading}
                onChange={(e) => {
                  const handler = handlers.find((staff) => staff.id === e.target.value);
                  if (handler) step.submit(() => assign(feedback, handler));
                }}
              >
                <option value="">{t('feedback.noHandler')}</option>
                {handlers.map((staff) => (
                  <option key={staff.id} value={staff.id}>
                    {staff.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {open && (
            <button type="button" className="button button--secondary" onClick={() => setDialog('handling')}>
              {t('feedback.editHandling')}
            </button>
          )}
          {open ? (
            <button type="button" className="button" onClick={() => setDialog('close')}>
              {t('feedback.close')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--secondary"
              disabled={reopening.loading}
              onClick={() => step.submit(() => reopen(feedback))}
            >
              {t('feedback.reopen')}
            </button>
          )}
        </div>
      )}
      <MutationError error={step.error} fields={[]} />
      {dialog && (
        <HandlingForm
          customerId={customerId}
          feedback={feedback}
          closing={dialog === 'close'}
          onClose={() => setDialog(null)}
        />
      )}
    </article>
  );
}
