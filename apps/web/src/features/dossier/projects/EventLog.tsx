import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventLog_EventFragment } from '../../../apollo/generated';
import { useFormat } from '../forms/useFormat';

const PAGE_SIZE = 5;

/** The important-event log (项目销售重要事件记录表), newest first, a few events at a time. */
export function EventLog({ events }: { events: readonly EventLog_EventFragment[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [shown, setShown] = useState(PAGE_SIZE);
  const newestFirst = [...events].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));

  if (events.length === 0) return <p className="muted">{t('projects.noEvents')}</p>;
  return (
    <>
      <ol className="event-log">
        {newestFirst.slice(0, shown).map((event) => (
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
      {shown < events.length && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setShown(shown + PAGE_SIZE)}
        >
          {t('projects.olderEvents', { left: events.length - shown })}
        </button>
      )}
    </>
  );
}
