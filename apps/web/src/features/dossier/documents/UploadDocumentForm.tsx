import { useApolloClient } from '@apollo/client/react';
import { Confidentiality, DocumentCategory, documentCategoryLabels } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evictHistory } from '../../../apollo/evictHistory';
import { DocumentsTabDocument } from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import { Field } from '../forms/Field';
import { FormDialog } from '../forms/FormDialog';
import { localToday } from '../forms/localToday';
import { MutationError } from '../forms/MutationError';
import { useSubmit } from '../forms/useSubmit';
import { LevelField } from './LevelField';
import { MAX_DOCUMENT_BYTES, uploadDocument } from './uploadDocument';

/** The form's fields, named as POST /documents names them in its errors. */
const FIELDS = ['file', 'title', 'category', 'level', 'documentDate', 'retentionYears', 'retentionUntil'];

type RetentionKind = 'years' | 'until' | 'permanent';

/** Files a document in the dossier: the file with its title, category, level and retention. */
export function UploadDocumentForm({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const client = useApolloClient();
  const { submit, error, fieldError } = useSubmit(onClose);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<DocumentCategory>(DocumentCategory.CONTRACT);
  const [level, setLevel] = useState<Confidentiality>(Confidentiality.INTERNAL);
  const [documentDate, setDocumentDate] = useState(localToday);
  const [retention, setRetention] = useState<RetentionKind>('years');
  const [years, setYears] = useState('10');
  const [until, setUntil] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [tooLarge, setTooLarge] = useState(false);

  function send() {
    // The server would refuse it only after the whole file travelled: say so before sending anything.
    if (file && file.size > MAX_DOCUMENT_BYTES) {
      setTooLarge(true);
      return;
    }
    const form = new FormData();
    form.set('customerId', customerId);
    form.set('title', title.trim() || (file?.name.replace(/\.[^.]+$/, '') ?? ''));
    form.set('category', category);
    form.set('level', level);
    form.set('documentDate', documentDate);
    if (retention === 'years') form.set('retentionYears', years.trim());
    if (retention === 'until') form.set('retentionUntil', until);
    // The file last: the server reads the text fields before the bytes stream in.
    if (file) form.set('file', file, file.name);
    setProgress(0);
    submit(() =>
      uploadDocument(form, setProgress)
        .then(() => {
          evictHistory(client.cache, customerId);
          return client.refetchQueries({ include: [DocumentsTabDocument] });
        })
        .finally(() => setProgress(null)),
    );
  }

  const fileError = tooLarge ? t('documents.tooLarge') : (fieldError('file') ?? undefined);
  return (
    <FormDialog
      title={t('documents.upload')}
      submitting={progress !== null}
      onClose={onClose}
      onSubmit={send}
    >
      <Field label={t('documents.file')} error={fileError}>
        {(control) => (
          <input
            {...control}
            type="file"
            required
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              setTooLarge(chosen !== null && chosen.size > MAX_DOCUMENT_BYTES);
            }}
          />
        )}
      </Field>
      <Field label={t('documents.title')} error={fieldError('title')}>
        {(control) => (
          <input
            {...control}
            value={title}
            placeholder={file?.name}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('documents.category')} error={fieldError('category')}>
        {(control) => (
          <select
            {...control}
            value={category}
            onChange={(e) => setCategory(e.target.value as DocumentCategory)}
          >
            {Object.values(DocumentCategory).map((value) => (
              <option key={value} value={value}>
                {label(documentCategoryLabels, value)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LevelField level={level} onChange={setLevel} error={fieldError('level')} />
      <Field label={t('documents.documentDate')} error={fieldError('documentDate')}>
        {(control) => (
          <input
            {...control}
            type="date"
            required
            value={documentDate}
            onChange={(e) => setDocumentDate(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('documents.retention')} error={undefined}>
        {(control) => (
          <select
            {...control}
            value={retention}
            onChange={(e) => setRetention(e.target.value as RetentionKind)}
          >
            <option value="years">{t('documents.retentionYearsOption')}</option>
            <option value="until">{t('documents.retentionUntilOption')}</option>
            <option value="permanent">{t('documents.permanent')}</option>
          </select>
        )}
      </Field>
      {retention === 'years' && (
        <Field label={t('documents.retentionYears')} error={fieldError('retentionYears')}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              max={50}
              value={years}
              onChange={(e) => setYears(e.target.value)}
            />
          )}
        </Field>
      )}
      {retention === 'until' && (
        <Field label={t('documents.retentionUntil')} error={fieldError('retentionUntil')}>
          {(control) => (
            <input {...control} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
          )}
        </Field>
      )}
      {progress !== null && (
        <progress
          className="upload-progress"
          aria-label={t('documents.uploading')}
          value={Math.round(progress * 100)}
          max={100}
        />
      )}
      <MutationError error={error} fields={FIELDS} />
    </FormDialog>
  );
}
