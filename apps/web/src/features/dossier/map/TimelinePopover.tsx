import { useQuery } from '@apollo/client/react';
import { relationshipStateLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import { RelationshipTimelineDocument, type RelationshipTimelineQuery } from '../../../apollo/generated';
import { formatDateTime, useLabel, useLanguage } from '../../../i18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { type Anchor, Popover } from './Popover';

type TimelineEntry = Extract<
  NonNullable<RelationshipTimelineQuery['node']>,
  { __typename: 'Relationship' }
>['timeline'][number];

/** A link's changes, newest first; always read from the server, since the last tap just added one. */
export function useTimeline(relationshipId: string) {
  const { data, loading, error } = useQuery(RelationshipTimelineDocument, {
    variables: { id: relationshipId },
    fetchPolicy: 'network-only',
    skip: !relationshipId,
  });
  const node = data?.node;
  return { entries: node?.__typename === 'Relationship' ? node.timeline : [], loading, error };
}

/** One change: "POSITIVE ← NEUTRAL · 王强 · 29 Nov 2026, 16:02", with its note when it wrote one. */
export function TimelineLine({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [language] = useLanguage();
  const state = label(relationshipStateLabels, entry.state);
  return (
    <>
      <strong>
        {entry.previousState
          ? t('map.changedFrom', { state, previous: label(relationshipStateLabels, entry.previousState) })
          : t('map.created', { state })}
      </strong>
      <span className="muted">
        {' · '}
        {entry.change.actor?.name ?? t('map.system')}
        {' · '}
        {formatDateTime(entry.change.at, language)}
      </span>
      {entry.noteChanged && entry.note && <q className="timeline__note">{entry.note}</q>}
    </>
  );
}

export function TimelinePopover({
  relationshipId,
  anchor,
  onClose,
}: {
  relationshipId: string;
  anchor: Anchor;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { entries, loading, error } = useTimeline(relationshipId);
  return (
    <Popover anchor={anchor} label={t('map.timeline')} onClose={onClose}>
      <p className="state-popover__title">{t('map.timeline')}</p>
      {loading && <Loading />}
      {error && <ErrorMessage error={error} />}
      <ol className="timeline">
        {entries.map((entry) => (
          <li key={entry.change.id}>
            <TimelineLine entry={entry} />
          </li>
        ))}
      </ol>
      <button type="button" className="button button--secondary" onClick={onClose}>
        {t('map.close')}
      </button>
    </Popover>
  );
}
