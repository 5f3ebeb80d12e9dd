import { projectStageLabels } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectCard_ProjectFragment } from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import { useMayEdit } from '../forms/mayEdit';
import { useFormat } from '../forms/useFormat';
import { AddEventForm } from './AddEventForm';
import { EditProjectForm } from './EditProjectForm';
import { EventLog } from './EventLog';
import { StageSelect } from './StageSelect';

type Editing = 'project' | 'event' | null;

export function ProjectCard({
  project,
  customerId,
}: {
  project: ProjectCard_ProjectFragment;
  customerId: string;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const mayEdit = useMayEdit();
  const format = useFormat();
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);

  return (
    <article className="project-card" aria-labelledby={`project-${project.id}`}>
      <header className="project-card__header">
        <h3 id={`project-${project.id}`}>{project.name}</h3>
        {mayEdit ? (
          <StageSelect project={project} customerId={customerId} />
        ) : (
          <p className="chip">{label(projectStageLabels, project.stage)}</p>
        )}
      </header>
      <dl className="facts">
        <div>
          <dt>{t('projects.amount')}</dt>
          <dd>{project.amount ? format.money(project.amount) : '—'}</dd>
        </div>
        <div>
          <dt>{t('projects.expectedCloseDate')}</dt>
          <dd>{project.expectedCloseDate ? format.date(project.expectedCloseDate) : '—'}</dd>
        </div>
        <div>
          <dt>{t('projects.owner')}</dt>
          <dd>{project.owner?.name ?? '—'}</dd>
        </div>
      </dl>
      {mayEdit && (
        <div className="actions">
          <button
            type="button"
            className="button"
            aria-expanded={editing === 'event'}
            onClick={() => setEditing('event')}
          >
            {t('projects.addEvent')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={editing === 'project'}
            onClick={() => setEditing('project')}
          >
            {t('projects.edit')}
          </button>
        </div>
      )}
      {editing === 'project' && <EditProjectForm project={project} customerId={customerId} onClose={close} />}
      {editing === 'event' && <AddEventForm projectId={project.id} customerId={customerId} onClose={close} />}
      <h4>{t('projects.events')}</h4>
      <EventLog projectId={project.id} log={project.eventLog} />
    </article>
  );
}
