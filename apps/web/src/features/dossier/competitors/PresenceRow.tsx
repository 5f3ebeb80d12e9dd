import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresenceRow_PresenceFragment } from '../../../apollo/generated';
import { useFormat } from '../forms/useFormat';

interface PresenceRowProps {
  presence: PresenceRow_PresenceFragment;
  mayEdit: boolean;
  onEdit: () => void;
  onRemove: () => void;
}

/** One competitor at the customer: its share as a bar, what it supplies, how it compares with us. */
export function PresenceRow({ presence, mayEdit, onEdit, onRemove }: PresenceRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  // A tap on a tablet is easily a slip: removing asks once more, in place.
  const [confirming, setConfirming] = useState(false);
  const share = presence.sharePercent === null ? null : Number(presence.sharePercent);
  const name = presence.competitor.name;
  return (
    <li className="presence">
      <div className="presence__head">
        <strong>{name}</strong>
        {presence.supplies && <span className="muted"> · {presence.supplies}</span>}
        {mayEdit && !confirming && (
          <span className="presence__actions">
            <button type="button" className="button button--secondary" onClick={onEdit}>
              {t('competitors.edit')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              aria-label={t('competitors.removeNamed', { name })}
              onClick={() => setConfirming(true)}
            >
              {t('competitors.remove')}
            </button>
          </span>
        )}
        {mayEdit && confirming && (
          <fieldset
            className="presence__actions presence__confirm"
            aria-label={t('competitors.confirmRemove', { name })}
          >
            <span>{t('competitors.confirmRemove', { name })}</span>
            <button type="button" className="button" onClick={onRemove}>
              {t('competitors.remove')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('dossierForm.cancel')}
            </button>
          </fieldset>
        )}
      </div>
      <div className="share">
        {/* The bar is the picture; the text beside it says the same for every reader. */}
        <div className="share-bar" aria-hidden="true">
          <div className="share-bar__fill" style={{ width: `${share ?? 0}%` }} />
        </div>
        <span className="share__text">
          {share === null
            ? t('competitors.noShare')
            : t('competitors.share', { share: presence.sharePercent ?? '' })}
        </span>
      </div>
      <dl className="presence__facts">
        {presence.since && (
          <>
            <dt>{t('competitors.since')}</dt>
            <dd>{format.date(presence.since)}</dd>
          </>
        )}
        {presence.strengths && (
          <>
            <dt>{t('competitors.strengths')}</dt>
            <dd>{presence.strengths}</dd>
          </>
        )}
        {presence.weaknesses && (
          <>
            <dt>{t('competitors.weaknesses')}</dt>
            <dd>{presence.weaknesses}</dd>
          </>
        )}
        {presence.notes && (
          <>
            <dt>{t('competitors.notes')}</dt>
            <dd>{presence.notes}</dd>
          </>
        )}
      </dl>
    </li>
  );
}
