import type { PreloadedQueryRef, PreloadQueryFunction } from '@apollo/client/react';
import { REMINDER_KINDS, type ReminderKind } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { useLoaderData, useSearchParams } from 'react-router';
import { InboxRouteDocument, type InboxRouteQuery } from '../../apollo/generated';
import { usePagedQuery } from '../../apollo/usePagedQuery';
import { ShowMore } from '../../ui/ShowMore';
import { InboxItemRow } from './InboxItemRow';
import { businessToday } from './inboxText';
import './inbox.css';

/** The `kind` filter of the URL (`/inbox?kind=LOAN_DUE`); anything else is no filter. */
export const kindOfParam = (param: string | null): ReminderKind | null =>
  (REMINDER_KINDS as string[]).includes(param ?? '') ? (param as ReminderKind) : null;

export const inboxLoader =
  (preloadQuery: PreloadQueryFunction) =>
  ({ request }: LoaderFunctionArgs) =>
    preloadQuery(InboxRouteDocument, {
      variables: { kind: kindOfParam(new URL(request.url).searchParams.get('kind')) },
    });

/** `/inbox`: my open reminders, newest first, filtered by kind, each done or snoozed where it stands. */
export function InboxRoute() {
  const { t } = useTranslation();
  const { data, fetchMore } = usePagedQuery(useLoaderData<PreloadedQueryRef<InboxRouteQuery>>());
  const [params, setParams] = useSearchParams();
  const kind = kindOfParam(params.get('kind'));
  const today = businessToday(data.businessTimeZone);
  const choose = (value: string) => setParams(value ? { kind: value } : {});

  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('inbox.title')}</h1>
      <label className="inbox__filter">
        {t('inbox.kindFilter')}
        <select value={kind ?? ''} onChange={(event) => choose(event.target.value)}>
          <option value="">{t('inbox.allKinds', { count: data.inboxCounts.open })}</option>
          {data.inboxCounts.byKind.map((entry) => (
            <option key={entry.kind} value={entry.kind}>
              {t(`inbox.kind.${entry.kind}` as 'inbox.kind.fallback', { defaultValue: entry.kind })} (
              {entry.count})
            </option>
          ))}
        </select>
      </label>
      {data.inbox.nodes.length === 0 ? (
        <p className="muted">{t('inbox.empty')}</p>
      ) : (
        <ul className="inbox__list">
          {data.inbox.nodes.map((item) => (
            <InboxItemRow key={item.id} item={item} today={today} />
          ))}
        </ul>
      )}
      <ShowMore pageInfo={data.inbox.pageInfo} onMore={(after) => fetchMore({ variables: { after } })}>
        {t('inbox.more')}
      </ShowMore>
    </section>
  );
}
