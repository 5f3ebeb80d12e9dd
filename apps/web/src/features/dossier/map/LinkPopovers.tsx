import { useApolloClient } from '@apollo/client/react';
import { relationshipStateLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../../../apollo/errors';
import { type MapEdge_RelationshipFragment, MapTabDocument } from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { VersionConflict } from '../../../ui/VersionConflict';
import type { OpenPopover } from './MapPopovers';
import type { MapModel } from './mapModel';
import { type Anchor, Popover } from './Popover';
import { type StateChoice, StatePopover } from './StatePopover';
import { TimelineLine, useTimeline } from './TimelinePopover';
import { type LinkTarget, useSetRelationshipState } from './useSetRelationshipState';

interface LinkPopoverProps {
  customerId: string;
  model: MapModel;
  target: LinkTarget;
  anchor: Anchor;
  onOpen: (popover: OpenPopover) => void;
  onClose: () => void;
}

/** Tap a state and it is saved: the popover closes at once; a refusal opens the conflict or error popover. */
export function LinkPopover({ customerId, model, target, anchor, onOpen, onClose }: LinkPopoverProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const save = useSetRelationshipState(customerId);
  const staffName = model.staff.find((s) => s.id === target.staffId)?.name ?? '';
  const personName = model.persons.find((p) => p.id === target.keyPersonId)?.name ?? '';
  const title = t('map.linkTitle', { staff: staffName, person: personName });

  function choose(choice: StateChoice) {
    onClose();
    save(target, choice).catch((error: unknown) => {
      if (errorCode(error) === 'VERSION_CONFLICT') {
        // Read the link as it is now, so the conflict popover shows the other person's change.
        client
          .refetchQueries({ include: [MapTabDocument] })
          .finally(() => onOpen({ kind: 'conflict', target, choice, anchor }));
      } else onOpen({ kind: 'error', error, anchor });
    });
  }

  const existing = target.existing;
  const timeline = existing
    ? { onTimeline: () => onOpen({ kind: 'timeline', relationshipId: existing.id, anchor }) }
    : {};
  // A link the viewer may not record (a colleague's, or any for a reader): what is on record, no choices.
  if (existing && !existing.mayRecord)
    return (
      <Popover anchor={anchor} label={title} onClose={onClose}>
        <ReadOnlyLink title={title} link={existing} {...timeline} />
      </Popover>
    );
  return (
    <Popover anchor={anchor} label={title} onClose={onClose}>
      <StatePopover
        title={title}
        current={existing?.state ?? null}
        note={existing?.note ?? null}
        onChoose={choose}
        {...timeline}
      />
    </Popover>
  );
}

function ReadOnlyLink({
  title,
  link,
  onTimeline,
}: {
  title: string;
  link: MapEdge_RelationshipFragment;
  onTimeline?: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <div className="state-popover">
      <p className="state-popover__title">{title}</p>
      <p>{t('map.stateOnRecord', { state: label(relationshipStateLabels, link.state) })}</p>
      {link.note && <p>{link.note}</p>}
      <p className="muted">{t('map.recordedBy', { name: link.staff.name })}</p>
      {onTimeline && (
        <button type="button" className="button button--secondary" onClick={onTimeline}>
          {t('map.showTimeline')}
        </button>
      )}
    </div>
  );
}

interface ConflictPopoverProps extends Omit<LinkPopoverProps, 'target'> {
  target: LinkTarget;
  choice: StateChoice;
}

/**
 * Someone changed this link after we read it: the shared conflict notice shows what it is now (who and
 * when, from the link's timeline) beside what the rep chose, to reapply on top of it or keep it.
 */
export function ConflictPopover({
  customerId,
  model,
  target,
  choice,
  anchor,
  onOpen,
  onClose,
}: ConflictPopoverProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const save = useSetRelationshipState(customerId);
  const now = [...model.relationships.values()].find(
    (r) => r.staff.id === target.staffId && r.keyPerson.id === target.keyPersonId,
  );
  const { entries } = useTimeline(now?.id ?? target.existing?.id ?? '');
  const latest = entries[0];
  function reapply() {
    onClose();
    const fresh = { ...target, ...(now ? { existing: now } : {}) };
    save(fresh, choice).catch((error: unknown) => onOpen({ kind: 'error', error, anchor }));
  }
  const theirs = latest ? (
    <TimelineLine entry={latest} />
  ) : (
    `${now ? label(relationshipStateLabels, now.state) : t('map.gone')}${now?.note ? ` · ${now.note}` : ''}`
  );
  const fields = [
    { label: t('map.chooseState'), theirs, yours: label(relationshipStateLabels, choice.state) },
    ...(choice.note !== undefined
      ? [{ label: t('map.noteLabel'), theirs: now?.note ?? '', yours: choice.note ?? '' }]
      : []),
  ];
  return (
    <Popover anchor={anchor} label={t('conflict.title')} onClose={onClose}>
      <VersionConflict fields={fields} onReload={onClose} onReapply={reapply} />
    </Popover>
  );
}

export function ErrorPopover({
  error,
  anchor,
  onClose,
}: {
  error: unknown;
  anchor: Anchor;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Popover anchor={anchor} label={t('map.notSaved')} onClose={onClose}>
      <ErrorMessage error={error} />
      <button type="button" className="button button--secondary" onClick={onClose}>
        {t('map.close')}
      </button>
    </Popover>
  );
}
