import { WeeklyCheckVerdict } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import type { WeeklyVerdict_CheckFragment } from '../../apollo/generated';
import { useFormat } from '../dossier/forms/useFormat';

/** A verdict as the manager and the rep read it: what, by whom and when, and the comment or request. */
export function VerdictNote({ check }: { check: WeeklyVerdict_CheckFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const returned = check.verdict === WeeklyCheckVerdict.RETURNED;
  return (
    <div className={returned ? 'verdict verdict--returned' : 'verdict'}>
      <strong>
        {t(returned ? 'weeklyCheck.returnedBy' : 'weeklyCheck.checkedBy', { name: check.manager.name })}
      </strong>
      <span className="sub">{format.dateTime(check.reviewedAt)}</span>
      {check.comment && <p className="verdict__comment">{check.comment}</p>}
    </div>
  );
}
