import { sheetFieldOf } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetLink_LinkFragment } from '../../apollo/generated';
import { useLabel, useLanguage } from '../../i18n';
import { MutationError } from '../dossier/forms/MutationError';
import { useReviewSheet } from './useSheetLinkMutations';

type Change = NonNullable<SheetLink_LinkFragment['proposedChanges']>[number];

/** A sheet value as the dossier shows it: enum labels in the reader's language, '—' for empty. */
export function useSheetValue() {
  const label = useLabel();
  return (field: string, value: string | null) => {
    if (value === null || value === '') return '—';
    const options = sheetFieldOf(field)?.options;
    return options && Object.hasOwn(options, value) ? label<string>(options, value) : value;
  };
}

/** The label of a sheet field in the reader's language; the field's name for one the labels do not know. */
export function useSheetFieldLabel() {
  const [language] = useLanguage();
  return (field: string) => sheetFieldOf(field)?.label[language] ?? field;
}

/** The customer's proposal as a diff, a checkbox per field: accept the ticked ones, or reject it all. */
export function ProposalReview({ customerId, link }: { customerId: string; link: SheetLink_LinkFragment }) {
  const { t } = useTranslation();
  const show = useSheetValue();
  const fieldLabel = useSheetFieldLabel();
  const changes: Change[] = link.proposedChanges ?? [];
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(changes.map((c) => c.field)));
  const [review, { loading, error }] = useReviewSheet(customerId);

  const decide = (accept: string[]) =>
    review({ variables: { id: link.id, expectedVersion: link.version, accept } }).catch(() => undefined);
  const toggle = (field: string) => {
    const next = new Set(ticked);
    if (next.has(field)) next.delete(field);
    else next.add(field);
    setTicked(next);
  };

  return (
    <fieldset className="sheet-review">
      <legend>{t('customerSheet.review')}</legend>
      {changes.length === 0 ? (
        <p className="muted">{t('customerSheet.noChanges')}</p>
      ) : (
        <table className="sheet-review__diff">
          <thead>
            <tr>
              <th scope="col">{t('customerSheet.accept')}</th>
              <th scope="col">{t('customerSheet.field')}</th>
              <th scope="col">{t('customerSheet.current')}</th>
              <th scope="col">{t('customerSheet.proposed')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.field}>
                <td>
                  <input
                    type="checkbox"
                    className="sheet-review__tick"
                    aria-label={t('customerSheet.acceptField', { label: fieldLabel(change.field) })}
                    checked={ticked.has(change.field)}
                    onChange={() => toggle(change.field)}
                  />
                </td>
                <th scope="row">{fieldLabel(change.field)}</th>
                <td>
                  <del>{show(change.field, change.current)}</del>
                </td>
                <td>
                  <ins>{show(change.field, change.proposed)}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MutationError error={error} fields={[]} />
      <div className="form__actions">
        <button
          type="button"
          className="button"
          disabled={loading || ticked.size === 0}
          onClick={() => decide(changes.filter((c) => ticked.has(c.field)).map((c) => c.field))}
        >
          {t('customerSheet.acceptSelected')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={loading}
          onClick={() => decide([])}
        >
          {t('customerSheet.reject')}
        </button>
      </div>
    </fieldset>
  );
}
