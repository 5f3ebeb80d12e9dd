import { type PreloadedQueryRef, type PreloadQueryFunction, useReadQuery } from '@apollo/client/react';
import { ARCHIVE_FINDING_KINDS, archiveFindingKindLabels } from '@dossier/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { ArchiveInspectionDocument, type ArchiveInspectionQuery } from '../../apollo/generated';
import { NotFound } from '../../app/NotFound';
import { useLabel } from '../../i18n';
import { useFormat } from '../dossier/forms/useFormat';
import { ArchiveFinding } from './ArchiveFinding';
import '../documents/documents.css';
import './archive-inspection.css';

export const archiveInspectionLoader =
  (preloadQuery: PreloadQueryFunction) =>
  ({ params }: LoaderFunctionArgs) =>
    preloadQuery(ArchiveInspectionDocument, { variables: { id: params.id ?? '' } });

/**
 * `/archive-inspections/:id`: one inspection's checklist, grouped by what was found, each finding ticked
 * off with an optional note; the counts above tell how much is left.
 */
export function ArchiveInspectionRoute() {
  const { t } = useTranslation();
  const id = useId();
  const label = useLabel();
  const format = useFormat();
  const { data } = useReadQuery(useLoaderData<PreloadedQueryRef<ArchiveInspectionQuery>>());
  const inspection = data.archiveInspection;
  if (!inspection) return <NotFound />;

  return (
    <section className="archive-page" aria-labelledby={`${id}-title`}>
      <div className="archive-page__head">
        <h1 id={`${id}-title`}>{t('archiveInspection.titleOf', { period: inspection.period })}</h1>
        <Link className="button button--secondary" to="/archive-inspections">
          {t('archiveInspection.all')}
        </Link>
      </div>
      <p className="muted">
        {t('archiveInspection.generatedOn', { at: format.dateTime(inspection.generatedAt) })}
      </p>
      <p className="inspection-counts" aria-live="polite">
        {t('archiveInspection.counts', { open: inspection.openCount, checked: inspection.checkedCount })}
      </p>
      {inspection.findings.length === 0 && <p className="muted">{t('archiveInspection.nothingFound')}</p>}
      {ARCHIVE_FINDING_KINDS.map((kind) => {
        const findings = inspection.findings.filter((finding) => finding.kind === kind);
        if (findings.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`${id}-${kind}`}>
            <h2 id={`${id}-${kind}`}>
              {label(archiveFindingKindLabels, kind)} ({findings.length})
            </h2>
            <ul className="inspection-findings">
              {findings.map((finding) => (
                <ArchiveFinding key={finding.id} finding={finding} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
