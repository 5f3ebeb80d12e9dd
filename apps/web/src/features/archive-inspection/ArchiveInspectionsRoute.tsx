import { type PreloadedQueryRef, type PreloadQueryFunction, useReadQuery } from '@apollo/client/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, useNavigate } from 'react-router';
import { ArchiveInspectionsDocument, type ArchiveInspectionsQuery } from '../../apollo/generated';
import { MutationError } from '../dossier/forms/MutationError';
import { useFormat } from '../dossier/forms/useFormat';
import { currentPeriod } from './currentPeriod';
import { useGenerateArchiveInspection } from './useArchiveInspectionMutations';
import '../documents/documents.css';
import './archive-inspection.css';

export const archiveInspectionsLoader = (preloadQuery: PreloadQueryFunction) => () =>
  preloadQuery(ArchiveInspectionsDocument);

/**
 * `/archive-inspections`, for the archivist and admins: the half-yearly inspections (March and September),
 * newest first, with their open findings, and the current period's drawn up on demand when the job has not.
 */
export function ArchiveInspectionsRoute() {
  const { t } = useTranslation();
  const id = useId();
  const format = useFormat();
  const navigate = useNavigate();
  const { data } = useReadQuery(useLoaderData<PreloadedQueryRef<ArchiveInspectionsQuery>>());
  const [generate, generation] = useGenerateArchiveInspection();
  const inspections = data.archiveInspections.nodes;
  const period = currentPeriod(new Date(), data.businessTimeZone);
  const current = inspections.find((inspection) => inspection.period === period);

  const onGenerate = async () => {
    const result = await generate(period).catch(() => null);
    const made = result?.data?.generateArchiveInspection;
    if (made) navigate(`/archive-inspections/${encodeURIComponent(made.id)}`);
  };

  return (
    <section className="archive-page" aria-labelledby={`${id}-title`}>
      <div className="archive-page__head">
        <h1 id={`${id}-title`}>{t('archiveInspection.title')}</h1>
        {!current && (
          <button type="button" className="button" disabled={generation.loading} onClick={onGenerate}>
            {t('archiveInspection.generate', { period })}
          </button>
        )}
      </div>
      <p className="muted">{t('archiveInspection.rule')}</p>
      <MutationError error={generation.error} fields={[]} />
      {inspections.length === 0 ? (
        <p className="muted">{t('archiveInspection.empty')}</p>
      ) : (
        <table className="archive-table">
          <thead>
            <tr>
              <th scope="col">{t('archiveInspection.period')}</th>
              <th scope="col">{t('archiveInspection.generatedAt')}</th>
              <th scope="col">{t('archiveInspection.open')}</th>
              <th scope="col">{t('archiveInspection.checked')}</th>
            </tr>
          </thead>
          <tbody>
            {inspections.map((inspection) => (
              <tr key={inspection.id}>
                <th scope="row">
                  <Link
                    className="inspection-link"
                    to={`/archive-inspections/${encodeURIComponent(inspection.id)}`}
                  >
                    {inspection.period}
                  </Link>
                </th>
                <td>{format.dateTime(inspection.generatedAt)}</td>
                <td>{inspection.openCount}</td>
                <td>{inspection.checkedCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
