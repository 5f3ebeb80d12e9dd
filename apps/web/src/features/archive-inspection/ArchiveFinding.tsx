import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ArchiveFinding_FindingFragment } from '../../apollo/generated';
import { LevelBadge } from '../documents/LevelBadge';
import { MutationError } from '../dossier/forms/MutationError';
import { useFormat } from '../dossier/forms/useFormat';
import { useCheckArchiveFinding } from './useArchiveInspectionMutations';

/** What was found, as it was when the inspection was drawn up. */
function FindingFacts({ finding }: { finding: ArchiveFinding_FindingFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (finding.kind === 'LOAN_OVERDUE' && finding.dueAt) {
    return (
      <>
        {t('archiveInspection.loanFacts', {
          borrower: finding.borrowerName ?? '—',
          due: format.dateTime(finding.dueAt),
        })}
      </>
    );
  }
  if (finding.kind === 'DESTRUCTION_PENDING') {
    return (
      <>
        {finding.retentionEndedOn &&
          t('archiveInspection.retentionFacts', { day: format.date(finding.retentionEndedOn) })}{' '}
        {finding.destructionApprovedAt
          ? t('archiveInspection.approvedFacts', { at: format.dateTime(finding.destructionApprovedAt) })
          : t('archiveInspection.notApprovedFacts')}
      </>
    );
  }
  return <>{t('archiveInspection.noRetentionFacts')}</>;
}

/**
 * One finding of the checklist. Ticking takes two taps: "Mark checked" opens an optional note, "Confirm"
 * saves it; the finding then shows who checked it, when, and the note.
 */
export function ArchiveFinding({ finding }: { finding: ArchiveFinding_FindingFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [check, checking] = useCheckArchiveFinding();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const noteField = useRef<HTMLInputElement>(null);
  // The button that asked is gone: focus moves to the note, for keyboards and screen readers.
  useEffect(() => {
    if (open) noteField.current?.focus();
  }, [open]);
  const customer = finding.document?.customer;
  const confirm = async () => {
    const result = await check(finding, note).catch(() => null);
    if (result?.data) setOpen(false);
  };

  return (
    <li className="inspection-finding" aria-labelledby={`${id}-title`}>
      <div className="inspection-finding__what">
        <span id={`${id}-title`} className="inspection-finding__title">
          {finding.title}
        </span>{' '}
        <LevelBadge level={finding.level} />
        {customer && (
          <Link className="sub" to={`/customers/${encodeURIComponent(customer.id)}/documents`}>
            {customer.name}
          </Link>
        )}
        <span className="sub">
          <FindingFacts finding={finding} />
        </span>
      </div>
      <div className="inspection-finding__state">
        {finding.checkedAt ? (
          <p>
            {t('archiveInspection.checkedBy', {
              name: finding.checkedBy?.name ?? '—',
              at: format.dateTime(finding.checkedAt),
            })}
            {finding.note && <span className="sub">{finding.note}</span>}
          </p>
        ) : open ? (
          <div className="document-actions">
            <label className="visually-hidden" htmlFor={`${id}-note`}>
              {t('archiveInspection.noteFor', { title: finding.title })}
            </label>
            <input
              ref={noteField}
              id={`${id}-note`}
              type="text"
              maxLength={2000}
              placeholder={t('archiveInspection.notePlaceholder')}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
            <button type="button" className="button" disabled={checking.loading} onClick={confirm}>
              {t('archiveInspection.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              {t('dossierForm.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="button" onClick={() => setOpen(true)}>
            {t('archiveInspection.markChecked')}
          </button>
        )}
        <MutationError error={checking.error} fields={[]} />
      </div>
    </li>
  );
}
