import { useMutation } from '@apollo/client/react';
import { addDays } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type InboxItemRow_ItemFragment,
  MarkInboxItemDoneDocument,
  SnoozeInboxItemDocument,
} from '../../apollo/generated';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { inboxText, SNOOZES } from './inboxText';

// After a change the list (open items only) is read again with its counts; the header's badge reads the
// same cached `inboxCounts`, so it drops with it, in one request.
const REFETCH = ['InboxRoute'];

/** One reminder: its sentence links to where to act; Done, or snooze it for a day, three days, a week. */
export function InboxItemRow({ item, today }: { item: InboxItemRow_ItemFragment; today: string }) {
  const { t } = useTranslation();
  const [markDone, done] = useMutation(MarkInboxItemDoneDocument, { refetchQueries: REFETCH });
  const [snooze, snoozed] = useMutation(SnoozeInboxItemDocument, { refetchQueries: REFETCH });
  const busy = done.loading || snoozed.loading;
  const text = inboxText(t, item);
  const version = { id: item.id, expectedVersion: item.version };

  return (
    <li className="inbox-item">
      <Link to={item.link} className="inbox-item__text">
        <span className="inbox-item__kind">
          {t(`inbox.kind.${item.kind}` as 'inbox.kind.fallback', {
            defaultValue: t('inbox.kind.fallback'),
          })}
        </span>
        {text}
      </Link>
      <div className="inbox-item__actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          aria-label={t('inbox.doneNamed', { text })}
          onClick={() => markDone({ variables: version }).catch(() => undefined)}
        >
          {t('inbox.done')}
        </button>
        {SNOOZES.map(({ days, label }) => (
          <button
            key={days}
            type="button"
            className="button button--secondary"
            disabled={busy}
            aria-label={t('inbox.snoozeNamed', { period: t(label), text })}
            onClick={() =>
              snooze({ variables: { ...version, until: addDays(today, days) } }).catch(() => undefined)
            }
          >
            {t(label)}
          </button>
        ))}
      </div>
      {(done.error ?? snoozed.error) && <ErrorMessage error={done.error ?? snoozed.error} />}
    </li>
  );
}
