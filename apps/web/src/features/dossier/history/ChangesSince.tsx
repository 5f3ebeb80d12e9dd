import { useTranslation } from 'react-i18next';
import type { ChangesSince_ChangeFragment } from '../../../apollo/generated';
import { useFormat } from '../forms/useFormat';
import { FieldChanges } from './FieldChanges';

/** Changes someone else saved since this user read the record: what, by whom, when (newest first). */
export function ChangesSince({ changes }: { changes: readonly ChangesSince_ChangeFragment[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (changes.length === 0) return null;
  return (
    <div className="conflict__changes">
      <p>{t('history.changedSince')}</p>
      <ul>
        {changes.map((change) => (
          <li key={change.id}>
            <FieldChanges change={change} />
            <span className="muted">
              {' · '}
              {change.actor?.name ?? t('history.system')} · {format.dateTime(change.at)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
