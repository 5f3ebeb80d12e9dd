import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeeklyCheckPanel_CustomerFragment } from '../../apollo/generated';
import { useFormat } from '../dossier/forms/useFormat';
import { VerdictNote } from './VerdictNote';
import './weekly-check.css';

/** The latest weeks' verdicts a rep reads on the dossier. */
const SHOWN = 3;

/**
 * On the dossier's basic tab: the manager's weekly-check comments (签署评语) and requests, newest week
 * first, so the rep reads them where they fix the dossier. Nothing when no verdict was given.
 */
export function WeeklyCheckPanel({ customer }: { customer: WeeklyCheckPanel_CustomerFragment }) {
  const { t } = useTranslation();
  const id = useId();
  const format = useFormat();
  if (customer.weeklyChecks.length === 0) return null;
  return (
    <section className="panel weekly-check-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('weeklyCheck.panelTitle')}</h2>
      <ul>
        {customer.weeklyChecks.slice(0, SHOWN).map((check) => (
          <li key={check.id}>
            <span className="muted">{t('weeklyCheck.weekOf', { week: format.date(check.weekStart) })}</span>
            <VerdictNote check={check} />
          </li>
        ))}
      </ul>
    </section>
  );
}
