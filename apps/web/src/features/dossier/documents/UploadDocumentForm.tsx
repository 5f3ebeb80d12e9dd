import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evictHistory } from '../../../apollo/evictHistory';
import { DocumentsTabDocument } from '../../../apollo/generated';
import { Field } from '../forms/Field';
import { FormDialog } from '../forms/FormDialog';
import { MutationError } from '../forms/MutationError';
import { useSubmit } from '../forms/useSubmit';
import { DocumentFields, useDocumentFields } from './DocumentFields';
import { MAX_DOCUMENT_BYTES, uploadDocument } from './uploadDocument';

/** The form's fields, named as POST /documents names them in its errors. */
const FIELDS = [
  'file',
  'projectId',
  'title',
  'category',
  'level',
  'documentDate',
  'retentionYears',
  'retentionUntil',
];

interface UploadDocumentFormProps {
  customerId: string;
  /** The customer's projects: a document is filed in the dossier itself or under one of them. */
  projects: ReadonlyArray<{ id: string; name: string }>;
  onClose: () => void;
}

/** Files a document in the dossier or under one of its projects, with its metadata. */
export function UploadDocumentForm({ customerId, projects, onClose }: UploadDocumentFormProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { submit, error, fieldError } = useSubmit(onClose);
  const fields = useDocumentFields();
  const [file, setFile] = useState<File | null>(null);
  const [projectId, setProjectId] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [tooLarge, setTooLarge] = useState(false);

  function send() {
    // The server would refuse it only after the whole file travelled: say so before sending anything.
    if (file && file.size > MAX_DOCUMENT_BYTES) {
      setTooLarge(true);
      return;
    }
    const { value } = fields;
    const form = new FormData();
    form.set('customerId', customerId);
    if (projectId) form.set('projectId', projectId);
    form.set('title', value.title || (file?.name.replace(/\.[^.]+$/, '') ?? ''));
    form.set('category', value.category);
    form.set('level', value.level);
    form.set('documentDate', value.documentDate);
    if (value.retentionYears !== null) form.set('retentionYears', String(value.retentionYears));
    if (value.retainUntil !== null) form.set('retentionUntil', value.retainUntil);
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
      {projects.length > 0 && (
        <Field label={t('documents.filedUnder')} error={fieldError('projectId')}>
          {(control) => (
            <select {...control} value={projectId} onChange={(e) => setProjectId(e.target.value)}>
              <option value="">{t('documents.dossierItself')}</option>
              {projects.map((project) => (
                <option key={project.id} value={project.id}>
                  {t('documents.underProject', { project: project.name })}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <DocumentFields
        fields={fields}
        fieldError={fieldError}
        untilField="retentionUntil"
        titlePlaceholder={file?.name}
      />
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
