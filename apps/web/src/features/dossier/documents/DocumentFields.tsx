import { Confidentiality, DocumentCategory, documentCategoryLabels } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../i18n';
import { Field } from '../forms/Field';
import { localToday } from '../forms/localToday';
import { LevelField } from './LevelField';

type RetentionKind = 'years' | 'until' | 'permanent';

/** A document's metadata as the API takes it; retention is years from its date, a day, or neither. */
export interface DocumentMetadata {
  title: string;
  category: DocumentCategory;
  level: Confidentiality;
  documentDate: string;
  retentionYears: number | null;
  retainUntil: string | null;
}

/** What a new document starts with: an internal contract of today, kept ten years. */
const NEW_DOCUMENT: DocumentMetadata = {
  title: '',
  category: DocumentCategory.CONTRACT,
  level: Confidentiality.INTERNAL,
  documentDate: '',
  retentionYears: 10,
  retainUntil: null,
};

/** The fields' state, started from a filed document's metadata or a new one's. */
export function useDocumentFields(
  initial: DocumentMetadata = { ...NEW_DOCUMENT, documentDate: localToday() },
) {
  const [title, setTitle] = useState(initial.title);
  const [category, setCategory] = useState(initial.category);
  const [level, setLevel] = useState(initial.level);
  const [documentDate, setDocumentDate] = useState(initial.documentDate);
  const [kind, setKind] = useState<RetentionKind>(
    initial.retentionYears !== null ? 'years' : initial.retainUntil !== null ? 'until' : 'permanent',
  );
  const [years, setYears] = useState(String(initial.retentionYears ?? 10));
  const [until, setUntil] = useState(initial.retainUntil ?? '');
  // Years go as typed (an emptied field is 0), so the server's message shows next to the field.
  const value: DocumentMetadata = {
    title: title.trim(),
    category,
    level,
    documentDate,
    retentionYears: kind === 'years' ? Number(years.trim()) : null,
    retainUntil: kind === 'until' ? until || null : null,
  };
  const state = { title, category, level, documentDate, kind, years, until };
  const set = { setTitle, setCategory, setLevel, setDocumentDate, setKind, setYears, setUntil };
  return { ...state, ...set, value };
}

interface DocumentFieldsProps {
  fields: ReturnType<typeof useDocumentFields>;
  fieldError: (field: string) => string | undefined;
  /** What the day's field is called in the errors: `retentionUntil` on upload, `retainUntil` in the API. */
  untilField: string;
  /** Shown in an empty title: the title the document gets when none is typed. */
  titlePlaceholder?: string;
}

/** Filing a document and editing one ask for its title, category, level, date and retention alike. */
export function DocumentFields({ fields, fieldError, untilField, titlePlaceholder }: DocumentFieldsProps) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <>
      <Field label={t('documents.title')} error={fieldError('title')}>
        {(control) => (
          <input
            {...control}
            value={fields.title}
            placeholder={titlePlaceholder}
            maxLength={200}
            onChange={(e) => fields.setTitle(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('documents.category')} error={fieldError('category')}>
        {(control) => (
          <select
            {...control}
            value={fields.category}
            onChange={(e) => fields.setCategory(e.target.value as DocumentCategory)}
          >
            {Object.values(DocumentCategory).map((value) => (
              <option key={value} value={value}>
                {label(documentCategoryLabels, value)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LevelField level={fields.level} onChange={fields.setLevel} error={fieldError('level')} />
      <Field label={t('documents.documentDate')} error={fieldError('documentDate')}>
        {(control) => (
          <input
            {...control}
            type="date"
            required
            value={fields.documentDate}
            onChange={(e) => fields.setDocumentDate(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('documents.retention')} error={undefined}>
        {(control) => (
          <select
            {...control}
            value={fields.kind}
            onChange={(e) => fields.setKind(e.target.value as RetentionKind)}
          >
            <option value="years">{t('documents.retentionYearsOption')}</option>
            <option value="until">{t('documents.retentionUntilOption')}</option>
            <option value="permanent">{t('documents.permanent')}</option>
          </select>
        )}
      </Field>
      {fields.kind === 'years' && (
        <Field label={t('documents.retentionYears')} error={fieldError('retentionYears')}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              max={50}
              value={fields.years}
              onChange={(e) => fields.setYears(e.target.value)}
            />
          )}
        </Field>
      )}
      {fields.kind === 'until' && (
        <Field label={t('documents.retentionUntil')} error={fieldError(untilField)}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={fields.until}
              onChange={(e) => fields.setUntil(e.target.value)}
            />
          )}
        </Field>
      )}
    </>
  );
}
