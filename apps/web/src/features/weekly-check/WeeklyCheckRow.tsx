import { historySectionLabels, WeeklyCheckVerdict } from '@dossier/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WeeklyCheckRow_RowFragment } from '../../apollo/generated';
import { useLabel } from '../../i18n';
import { MutationError } from '../dossier/forms/MutationError';
import { useFormat } from '../dossier/forms/useFormat';
import { useCheckDossier, useReturnDossier } from './useVerdict';
import { VerdictNote } from './VerdictNote';

type Mode = 'check' | 'return' | null;

/**
 * One dossier of the week: what the reps changed, its verdict, and the manager's two actions. Each takes
 * two taps: the first opens its note (a comment, optional; a request, required), the second confirms.
 */
export function WeeklyCheckRow({ row, weekStart }: { row: WeeklyCheckRow_RowFragment; weekStart: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const id = useId();
  const [mode, setMode] = useState<Mode>(null);
  const [note, setNote] = useState('');
  const [check, checking] = useCheckDossier();
  const [send, sending] = useReturnDossier();
  const field = useRef<HTMLTextAreaElement>(null);
  // The button that opened the note is replaced by it: focus follows, for keyboards and screen readers.
  useEffect(() => {
    if (mode) field.current?.focus();
  }, [mode]);
  const target = { customerId: row.customer.id, weekStart, version: row.check?.version ?? null };
  const busy = checking.loading || sending.loading;
  const open = (next: Mode) => {
    setMode(next);
    setNote('');
  };
  const confirm = async () => {
    try {
      if (mode === 'check') await check(target, note);
      else await send(target, note);
      setMode(null);
    } catch {
      // Shown by MutationError below.
    }
  };

  return (
    <tr>
      <th scope="row">
        <Link to={`/customers/${encodeURIComponent(row.customer.id)}/history`}>{row.customer.name}</Link>
        {row.created && <span className="weekly-check__new">{t('weeklyCheck.new')}</span>}
      </th>
      <td>{row.changedBy.map((rep) => rep.name).join(', ')}</td>
      <td>
        {t('weeklyCheck.changes', { count: row.changes })}
        <span className="sub">
          {row.sections.map((section) => label(historySectionLabels, section)).join(' · ')}
        </span>
        <span className="sub">{format.dateTime(row.lastChangedAt)}</span>
      </td>
      <td>{row.check ? <VerdictNote check={row.check} /> : t('weeklyCheck.unchecked')}</td>
      <td className="weekly-check__actions">
        {mode === null ? (
          <div className="weekly-check__buttons">
            {row.check?.verdict !== WeeklyCheckVerdict.CHECKED && (
              <button type="button" className="button" disabled={busy} onClick={() => open('check')}>
                {t('weeklyCheck.check')}
              </button>
            )}
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => open('return')}
            >
              {t('weeklyCheck.sendBack')}
            </button>
          </div>
        ) : (
          <div className="weekly-check__note">
            <label htmlFor={`${id}-note`}>
              {t(mode === 'check' ? 'weeklyCheck.comment' : 'weeklyCheck.request')}
            </label>
            <textarea
              id={`${id}-note`}
              ref={field}
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
            <div className="weekly-check__buttons">
              <button
                type="button"
                className={mode === 'check' ? 'button' : 'button button--danger'}
                disabled={busy || (mode === 'return' && note.trim() === '')}
                onClick={confirm}
              >
                {t(mode === 'check' ? 'weeklyCheck.confirmCheck' : 'weeklyCheck.confirmSendBack')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setMode(null)}>
                {t('dossierForm.cancel')}
              </button>
            </div>
          </div>
        )}
        <MutationError error={checking.error ?? sending.error} fields={[]} />
      </td>
    </tr>
  );
}
