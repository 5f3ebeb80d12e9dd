import { type PreloadQueryFunction, useQuery, useSuspenseQuery } from '@apollo/client/react';
import { isKeeper, StaffRole } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentsTabDocument, MyOpenLoansDocument } from '../../../apollo/generated';
import '../forms/dossier-tab.css';
import '../../documents/documents.css';
import { ShowMore } from '../../../ui/ShowMore';
import { useViewer, useViewerRole } from '../forms/useViewer';
import { DocumentRow } from './DocumentRow';
import { EditDocumentForm } from './EditDocumentForm';
import { UploadDocumentForm } from './UploadDocumentForm';

export function preloadDocumentsTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(DocumentsTabDocument, { variables: { customerId } });
}

/** The dossier's filed documents (档案文件), newest first, with the upload form and each one's actions. */
export function DocumentsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const role = useViewerRole();
  // Filing is a write: every role but the analyst's (the server's rule for POST /documents).
  const mayFile = role !== StaffRole.ANALYST;
  // By id: after a version conflict the form shows the document as it is saved now.
  const [editingId, setEditingId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const { data, fetchMore } = useSuspenseQuery(DocumentsTabDocument, { variables: { customerId } });
  // The viewer's open loans, to show each one's state and its return; the list does not wait for them.
  const loans = useQuery(MyOpenLoansDocument, {
    variables: { borrowerId: viewer?.id ?? '' },
    skip: !viewer,
  }).data?.loanRegister.nodes;
  const documents = data.customer?.documents;
  if (!documents) return null;
  const editing = documents.nodes.find((document) => document.id === editingId);
  const loanOf = (documentId: string) => loans?.find((loan) => loan.document.id === documentId);

  return (
    <section className="dossier-tab" aria-labelledby="documents-heading">
      <header className="dossier-tab__header">
        <h2 id="documents-heading">{t('documents.heading')}</h2>
        {mayFile && (
          <button
            type="button"
            className="button"
            aria-expanded={uploading}
            onClick={() => setUploading(true)}
          >
            {t('documents.upload')}
          </button>
        )}
      </header>
      {uploading && (
        <UploadDocumentForm
          customerId={customerId}
          projects={data.customer?.projects.nodes ?? []}
          onClose={() => setUploading(false)}
        />
      )}
      {editing && (
        <EditDocumentForm
          key={editing.id}
          document={editing}
          customerId={customerId}
          onClose={() => setEditingId(null)}
        />
      )}
      {documents.nodes.length === 0 ? (
        <p className="muted">{t('documents.empty')}</p>
      ) : (
        <table className="table archive-table">
          <thead>
            <tr>
              <th scope="col">{t('documents.title')}</th>
              <th scope="col">{t('documents.category')}</th>
              <th scope="col">{t('documents.level')}</th>
              <th scope="col">{t('documents.retentionEnd')}</th>
              <th scope="col">{t('documents.filed')}</th>
              <th scope="col">{t('documents.size')}</th>
              <th scope="col">{t('documents.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.nodes.map((document) => (
              <DocumentRow
                key={document.id}
                document={document}
                loan={loanOf(document.id)}
                loansKnown={loans !== undefined}
                onEdit={role && isKeeper(role) ? () => setEditingId(document.id) : null}
              />
            ))}
          </tbody>
        </table>
      )}
      <ShowMore pageInfo={documents.pageInfo} onMore={(after) => fetchMore({ variables: { after } })}>
        {t('documents.more')}
      </ShowMore>
    </section>
  );
}
