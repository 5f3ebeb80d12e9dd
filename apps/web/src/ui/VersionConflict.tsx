import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../apollo/errors';

export interface ConflictField {
  label: string;
  /** What is saved now, after the other person's change. */
  theirs: ReactNode;
  /** What this user tried to save. */
  yours: ReactNode;
}

interface VersionConflictProps {
  fields: ConflictField[];
  /** Drop this user's edit and show what is saved now. */
  onReload: () => void;
  /** Save this user's values again, over the current version. */
  onReapply: () => void;
  busy?: boolean;
  /** What the other person changed, when the form can show more than its own fields' values. */
  children?: ReactNode;
}

/** True when the API refused a write because the record changed since it was read. */
export const isVersionConflict = (error: unknown) => errorCode(error) === 'VERSION_CONFLICT';

/**
 * "Someone changed this: reload and reapply", with the other person's change beside this user's, so
 * they can decide knowingly. Shared by every form that writes with `expectedVersion`.
 */
export function VersionConflict({
  fields,
  onReload,
  onReapply,
  busy = false,
  children,
}: VersionConflictProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Focus moves to the notice, so keyboard and screen-reader users meet it where it appeared.
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="conflict" role="alert" aria-labelledby={titleId} tabIndex={-1}>
      <p id={titleId} className="conflict__title">
        {t('conflict.title')}
      </p>
      {children}
      {fields.length > 0 && (
        <table className="conflict__table">
          <thead>
            <tr>
              <th scope="col">{t('conflict.field')}</th>
              <th scope="col">{t('conflict.theirs')}</th>
              <th scope="col">{t('conflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field.label}>
                <th scope="row">{field.label}</th>
                <td>{field.theirs}</td>
                <td>{field.yours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="conflict__actions">
        <button type="button" className="button button--secondary" onClick={onReload} disabled={busy}>
          {t('conflict.reload')}
        </button>
        <button type="button" className="button" onClick={onReapply} disabled={busy}>
          {t('conflict.reapply')}
        </button>
      </div>
    </div>
  );
}
