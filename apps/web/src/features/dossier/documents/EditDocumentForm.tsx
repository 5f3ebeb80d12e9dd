import { confidentialityLabels, documentCategoryLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import type { DocumentRow_DocumentFragment, UpdateDocumentInput } from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import { FormDialog } from '../forms/FormDialog';
import { MutationError } from '../forms/MutationError';
import { useFormat } from '../forms/useFormat';
import { useSubmit } from '../forms/useSubmit';
import { DocumentFields, type DocumentMetadata, useDocumentFields } from './DocumentFields';
import { useUpdateDocument } from './useUpdateDocument';

const FIELDS = ['title', 'category', 'level', 'documentDate', 'retentionYears', 'retainUntil'];

/**
 * A keeper corrects a filed document's metadata: title, category, level (密级), date and retention.
 * Only what changed is sent: a new retention withdraws an approved destruction, so an unchanged one
 * must not go out. After a conflict `document` is what is saved now, and saving again goes at its version.
 */
export function EditDocumentForm({
  document,
  customerId,
  onClose,
}: {
  document: DocumentRow_DocumentFragment;
  customerId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const [update, { loading }] = useUpdateDocument(document, customerId);
  const { submit, error, fieldError } = useSubmit(onClose);
  const fields = useDocumentFields(document);
  const yours = fields.value;

  const input: UpdateDocumentInput = {};
  if (yours.title !== document.title) input.title = yours.title;
  if (yours.category !== document.category) input.category = yours.category;
  if (yours.level !== document.level) input.level = yours.level;
  if (yours.documentDate !== document.documentDate) input.documentDate = yours.documentDate;
  if (yours.retentionYears !== document.retentionYears || yours.retainUntil !== document.retainUntil) {
    input.retentionYears = yours.retentionYears;
    input.retainUntil = yours.retainUntil;
  }
  // Nothing changed: nothing to write (and no version to spend).
  const save = () => (Object.keys(input).length === 0 ? onClose() : submit(() => update(input)));

  const retention = (m: Pick<DocumentMetadata, 'retentionYears' | 'retainUntil'>) =>
    m.retentionYears !== null
      ? format.years(m.retentionYears)
      : m.retainUntil !== null
        ? format.date(m.retainUntil)
        : t('documents.permanent');
  const compared = [
    { label: t('documents.title'), theirs: document.title, yours: yours.title },
    {
      label: t('documents.category'),
      theirs: label(documentCategoryLabels, document.category),
      yours: label(documentCategoryLabels, yours.category),
    },
    {
      label: t('documents.level'),
      theirs: label(confidentialityLabels, document.level),
      yours: label(confidentialityLabels, yours.level),
    },
    {
      label: t('documents.documentDate'),
      theirs: format.date(document.documentDate),
      yours: yours.documentDate ? format.date(yours.documentDate) : '—',
    },
    { label: t('documents.retention'), theirs: retention(document), yours: retention(yours) },
  ].filter((field) => field.theirs !== field.yours);

  return (
    <FormDialog
      title={t('documents.editTitle', { title: document.title })}
      submitting={loading}
      onClose={onClose}
      onSubmit={save}
    >
      <DocumentFields fields={fields} fieldError={fieldError} untilField="retainUntil" />
      <MutationError
        error={error}
        fields={FIELDS}
        conflict={{ fields: compared, onReload: onClose, onReapply: save }}
      />
    </FormDialog>
  );
}
