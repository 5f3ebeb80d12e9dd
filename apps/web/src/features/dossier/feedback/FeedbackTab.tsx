import type { PreloadQueryFunction } from '@apollo/client/react';
import { useQuery, useSuspenseQuery } from '@apollo/client/react';
import { FeedbackKind, FeedbackStatus, feedbackStatusLabels, RiskCode } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackHandlersDocument, FeedbackTabDocument } from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import { ShowMore } from '../../../ui/ShowMore';
import '../forms/dossier-tab.css';
import { useMayEdit } from '../forms/mayEdit';
import { ChoiceButtons } from './ChoiceButtons';
import { FeedbackCard } from './FeedbackCard';
import { RecordFeedbackForm } from './RecordFeedbackForm';
import { SurveySection } from './SurveySection';
import './feedback.css';

export function preloadFeedbackTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(FeedbackTabDocument, { variables: { customerId, status: null } });
}

const ALL = 'ALL';
type Shown = FeedbackStatus | typeof ALL;

/** Complaints and opinions (客户意见反馈) with their handling, and the satisfaction surveys' trend. */
export function FeedbackTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const mayEdit = useMayEdit();
  const [shown, setShown] = useState<Shown>(ALL);
  const [recording, setRecording] = useState<FeedbackKind | null>(null);
  const status = shown === ALL ? null : shown;
  // A page at a time: "show more" appends the next (the cache's connection policy, one list per status).
  const { data, fetchMore } = useSuspenseQuery(FeedbackTabDocument, { variables: { customerId, status } });
  // Only writers assign a handler: the directory is read when they may.
  const handlers = useQuery(FeedbackHandlersDocument, { skip: !mayEdit }).data?.staffMembers.nodes ?? [];
  const customer = data.customer;
  if (!customer) return null;
  // The write that closes the last old complaint answers the customer's risk too: this notice goes at once.
  const unresolved = customer.risk.signals.find((signal) => signal.code === RiskCode.COMPLAINT_UNRESOLVED);

  return (
    <section className="dossier-tab" aria-labelledby="feedback-heading">
      <header className="dossier-tab__header">
        <h2 id="feedback-heading">{t('feedback.heading')}</h2>
        {mayEdit && (
          <div className="feedback-tab__quick">
            <button type="button" className="button" onClick={() => setRecording(FeedbackKind.COMPLAINT)}>
              {t('feedback.recordComplaint')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setRecording(FeedbackKind.OPINION)}
            >
              {t('feedback.recordOpinion')}
            </button>
          </div>
        )}
      </header>
      {unresolved && (
        <p className={`notice notice--warning risk-${unresolved.level}`} role="status">
          {unresolved.message}
        </p>
      )}
      {recording && (
        <RecordFeedbackForm
          customerId={customer.id}
          kind={recording}
          people={customer.keyPersons}
          onClose={() => setRecording(null)}
        />
      )}
      <ChoiceButtons<Shown>
        legend={t('feedback.filter')}
        values={[ALL, FeedbackStatus.OPEN, FeedbackStatus.CLOSED]}
        labelOf={(value) => (value === ALL ? t('feedback.all') : label(feedbackStatusLabels, value))}
        value={shown}
        onChange={setShown}
      />
      <p className="muted">{t('feedback.count', { count: customer.feedback.totalCount })}</p>
      {customer.feedback.nodes.length === 0 ? (
        <p className="muted">{t('feedback.empty')}</p>
      ) : (
        <div className="feedback-list">
          {customer.feedback.nodes.map((feedback) => (
            <FeedbackCard
              key={feedback.id}
              customerId={customer.id}
              feedback={feedback}
              mayEdit={mayEdit}
              handlers={handlers}
            />
          ))}
        </div>
      )}
      <div className="feedback-tab__more">
        <ShowMore
          pageInfo={customer.feedback.pageInfo}
          onMore={(after) => fetchMore({ variables: { after } })}
        >
          {t('feedback.loadMore')}
        </ShowMore>
      </div>
      <SurveySection customerId={customer.id} surveys={customer.satisfactionSurveys} mayEdit={mayEdit} />
    </section>
  );
}
