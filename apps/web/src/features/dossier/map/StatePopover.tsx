import { type RelationshipState, relationshipStateLabels } from '@dossier/domain';
import { legendEntries } from '@dossier/relationship-map';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../i18n';

export interface StateChoice {
  readonly state: RelationshipState;
  /** Sent only when the rep typed one: omitted keeps the note on record. */
  readonly note?: string | null;
}

interface StatePopoverProps {
  /** "王强 → 张伟", who knows whom. */
  title: string;
  /** The state on record; null while creating the link. */
  current: RelationshipState | null;
  note: string | null;
  onChoose: (choice: StateChoice) => void;
  onTimeline?: () => void;
}

/**
 * The second tap of the two-tap edit: each state is one button that saves at once. The note field is
 * optional and travels with the state tapped after typing it (three interactions with a note).
 */
export function StatePopover({ title, current, note, onChoose, onTimeline }: StatePopoverProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const id = useId();
  const [draft, setDraft] = useState(note ?? '');
  const noteChanged = draft.trim() !== (note ?? '').trim();
  return (
    <div className="state-popover">
      <p className="state-popover__title">{title}</p>
      <fieldset className="state-popover__states">
        <legend className="visually-hidden">{t('map.chooseState')}</legend>
        {legendEntries().map(({ state, style }) => (
          <button
            key={state}
            type="button"
            className="state-button"
            aria-pressed={state === current}
            data-autofocus={state === current ? true : undefined}
            style={{ borderColor: style.stroke, borderStyle: style.dash ? 'dashed' : 'solid' }}
            onClick={() => onChoose(noteChanged ? { state, note: draft.trim() || null } : { state })}
          >
            <span className="state-button__swatch" style={{ background: style.stroke }} aria-hidden="true" />
            {label(relationshipStateLabels, state)}
          </button>
        ))}
      </fieldset>
      <label htmlFor={`${id}-note`} className="state-popover__label">
        {t('map.noteOptional')}
      </label>
      <textarea
        id={`${id}-note`}
        rows={2}
        maxLength={2000}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      {noteChanged && current && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChoose({ state: current, note: draft.trim() || null })}
        >
          {t('map.saveNote')}
        </button>
      )}
      {onTimeline && (
        <button type="button" className="button button--secondary" onClick={onTimeline}>
          {t('map.showTimeline')}
        </button>
      )}
    </div>
  );
}
