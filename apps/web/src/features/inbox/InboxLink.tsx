import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { InboxCountsDocument } from '../../apollo/generated';

/** The menu's inbox, with the number of open items as a badge (read again after a done or snooze). */
export function InboxLink() {
  const { t } = useTranslation();
  const { data } = useQuery(InboxCountsDocument);
  const open = data?.inboxCounts.open ?? 0;
  return (
    <NavLink to="/inbox" className="header__link">
      {t('nav.inbox')}
      {open > 0 && (
        <span className="inbox-badge" role="status" aria-label={t('inbox.openCount', { count: open })}>
          {open}
        </span>
      )}
    </NavLink>
  );
}
