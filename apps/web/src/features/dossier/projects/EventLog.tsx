import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EventLog_LogFragment, EventLogPageDocument } from '../../../apollo/generated';
import { MutationError } from '../forms/MutationError';
import { useFormat } from '../forms/useFormat';

/**
 * The important-event log (项目销售重要事件记录表), newest first, a page at a time: older pages are
 * appended in the cache (`appendPages`), so the project card re-renders with them.
 */
export function EventLog({ projectId, log }: { projectId: string; log: EventLog_LogFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useApolloClient();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  function showOlder() {
    setLoading(true);
    setError(null);
    client
      .query({ query: EventLogPageDocument, variables: { projectId, after: log.pageInfo.endCursor } })
      .catch(setError)
      .finally(() => setLoading(false));
  }

  if (log.nodes.length === 0) return <p className="muted">{t('projects.noEvents')}</p>;
  return (
    <>
      <ol className="event-log">
        {log.nodes.map((event) => (
          <li key={event.id} className="event-log__item">
            <p>
              <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time> ·{' '}
              <strong>{event.title}</strong> <span className="muted">· {event.author.name}</span>
            </p>
            {event.description && <p>{event.description}</p>}
            {event.outcome && <p>{t('projects.outcomeIs', { outcome: event.outcome })}</p>}
            {event.nextStep && <p>{t('projects.nextStepIs', { nextStep: event.nextStep })}</p>}
          </li>
        ))}
      </ol>
      {log.pageInfo.hasNextPage && (
        <button type="button" className="button button--secondary" disabled={loading} onClick={showOlder}>
          {t(loading ? 'app.loading' : 'projects.olderEvents', { left: log.totalCount - log.nodes.length })}
        </button>
      )}
      <MutationError error={error} fields={[]} />
    </>
  );
}
