import { useMutation } from '@apollo/client/react';
import { Confidentiality } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DocumentRow_DocumentFragment, ReclassifyDocumentDocument } from '../../../apollo/generated';
import { FormDialog } from '../forms/FormDialog';
import { MutationError } from '../forms/MutationError';
import { useSubmit } from '../forms/useSubmit';
import { LevelField } from './LevelField';

/**
 * A keeper changes a document's level (密级): the archive's keepers classify. What the level allows
 * (loans, downloads) follows from the server's answer.
 */
export function ReclassifyForm({
  document,
  onClose,
}: {
  document: DocumentRow_DocumentFragment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<Confidentiality>(document.level);
  const [reclassify, { loading }] = useMutation(ReclassifyDocumentDocument);
  const { submit, error, fieldError } = useSubmit(onClose);

  return (
    <FormDialog
      title={t('documents.reclassifyTitle', { title: document.title })}
      submitting={loading}
      onClose={onClose}
      onSubmit={() =>
        submit(() => reclassify({ variables: { id: document.id, expectedVersion: document.version, level } }))
      }
    >
      <LevelField level={level} onChange={setLevel} error={fieldError('level')} />
      <MutationError error={error} fields={['level']} />
    </FormDialog>
  );
}
